using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Shape ops: reshape (a free view), permute and transpose (copies), squeeze and unsqueeze.</summary>
public sealed partial class Tensor
{
    /// <summary>The same elements under a new shape (one size may be -1, inferred). Shares the storage.</summary>
    public Tensor Reshape(params int[] shape)
    {
        var resolved = ResolveShape(shape);
        if (ShapeMath.SameShape(resolved, Shape) && !RequiresGrad) return this;
        var output = new Tensor(resolved, Data);
        if (GradMode.IsRecording(this)) output.SetBackward([this], grad => AccumulateGradOwned(grad));
        return output;
    }

    /// <summary>Collapses axes [startAxis, endAxis] into one.</summary>
    public Tensor Flatten(int startAxis = 0, int endAxis = -1)
    {
        int start = ShapeMath.NormalizeAxis(startAxis, Rank), end = ShapeMath.NormalizeAxis(endAxis, Rank);
        var shape = Shape[..start].Append(ShapeMath.Product(Shape, start, end + 1)).Concat(Shape[(end + 1)..]).ToArray();
        return Reshape(shape);
    }

    /// <summary>Inserts an axis of size 1 at <paramref name="axis"/> (in the result's numbering).</summary>
    public Tensor Unsqueeze(int axis)
    {
        int position = ShapeMath.NormalizeAxis(axis, Rank + 1);
        var shape = new List<int>(Shape);
        shape.Insert(position, 1);
        return Reshape([.. shape]);
    }

    /// <summary>Removes an axis of size 1.</summary>
    public Tensor Squeeze(int axis)
    {
        int position = ShapeMath.NormalizeAxis(axis, Rank);
        if (Shape[position] != 1) throw new ArgumentException($"Axis {axis} has size {Shape[position]}, not 1.");
        var shape = new List<int>(Shape);
        shape.RemoveAt(position);
        return Reshape([.. shape]);
    }

    /// <summary>Swaps two axes (a copy).</summary>
    public Tensor Transpose(int axis0, int axis1)
    {
        var order = Enumerable.Range(0, Rank).ToArray();
        int a = ShapeMath.NormalizeAxis(axis0, Rank), b = ShapeMath.NormalizeAxis(axis1, Rank);
        (order[a], order[b]) = (order[b], order[a]);
        return Permute(order);
    }

    /// <summary>Reorders axes: result axis i is input axis order[i] (a copy).</summary>
    public Tensor Permute(params int[] order)
    {
        var axes = CheckPermutation(order);
        var shape = axes.Select(axis => Shape[axis]).ToArray();
        var data = Buffers.Uninitialized(Length);
        PermuteCopy(Data, Shape, axes, data);
        var output = new Tensor(shape, data);
        if (GradMode.IsRecording(this))
        {
            var inverse = new int[Rank];
            for (int i = 0; i < Rank; i++) inverse[axes[i]] = i;
            output.SetBackward([this], grad =>
            {
                var dx = Buffers.Uninitialized(Length);
                PermuteCopy(grad, shape, inverse, dx);
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>destination (shape = shape permuted by order) = source permuted; the innermost run is copied with a stride.</summary>
    internal static void PermuteCopy(float[] source, int[] shape, int[] order, float[] destination)
    {
        int rank = shape.Length;
        if (rank == 0 || source.Length == 0)
        {
            source.AsSpan().CopyTo(destination);
            return;
        }
        if (SwapsLastTwoAxesOnly(order))
        {
            int matrixRows = shape[rank - 2], matrixCols = shape[rank - 1];
            for (int start = 0; start < source.Length; start += matrixRows * matrixCols) TransposeBlocked(source, destination, start, matrixRows, matrixCols);
            return;
        }
        var strides = ShapeMath.Strides(shape);
        var outShape = order.Select(axis => shape[axis]).ToArray();
        var sourceStrides = order.Select(axis => strides[axis]).ToArray();
        int inner = outShape[rank - 1], innerStride = sourceStrides[rank - 1];
        int rows = source.Length / Math.Max(inner, 1);
        var counter = new int[rank];
        int offset = 0;
        for (int row = 0; row < rows; row++)
        {
            var target = destination.AsSpan(row * inner, inner);
            if (innerStride == 1) source.AsSpan(offset, inner).CopyTo(target);
            else for (int i = 0; i < inner; i++) target[i] = source[offset + i * innerStride];
            for (int axis = rank - 2; axis >= 0; axis--)
            {
                counter[axis]++;
                offset += sourceStrides[axis];
                if (counter[axis] < outShape[axis]) break;
                offset -= sourceStrides[axis] * outShape[axis];
                counter[axis] = 0;
            }
        }
    }

    private static bool SwapsLastTwoAxesOnly(int[] order)
    {
        int rank = order.Length;
        if (rank < 2 || order[rank - 1] != rank - 2 || order[rank - 2] != rank - 1) return false;
        for (int axis = 0; axis < rank - 2; axis++) if (order[axis] != axis) return false;
        return true;
    }

    /// <summary>destination [cols, rows] = source [rows, cols]ᵀ at <paramref name="offset"/>, in 32 x 32 tiles that stay in L1.</summary>
    private static void TransposeBlocked(float[] source, float[] destination, int offset, int rows, int cols)
    {
        const int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile)
        for (int c0 = 0; c0 < cols; c0 += tile)
        {
            int r1 = Math.Min(r0 + tile, rows), c1 = Math.Min(c0 + tile, cols);
            for (int r = r0; r < r1; r++)
            for (int c = c0; c < c1; c++) destination[offset + c * rows + r] = source[offset + r * cols + c];
        }
    }

    private int[] CheckPermutation(int[] order)
    {
        if (order.Length != Rank) throw new ArgumentException($"Permutation has {order.Length} axes, the tensor has {Rank}.");
        var axes = order.Select(axis => ShapeMath.NormalizeAxis(axis, Rank)).ToArray();
        if (axes.Distinct().Count() != Rank) throw new ArgumentException($"[{string.Join(", ", order)}] is not a permutation.");
        return axes;
    }

    private int[] ResolveShape(int[] shape)
    {
        var resolved = (int[])shape.Clone();
        int inferred = Array.IndexOf(resolved, -1);
        if (inferred >= 0)
        {
            int known = 1;
            for (int i = 0; i < resolved.Length; i++) if (i != inferred) known *= resolved[i];
            resolved[inferred] = known == 0 ? 0 : Length / known;
        }
        if (ShapeMath.ElementCount(resolved) != Length)
        {
            throw new ArgumentException($"Cannot reshape {ShapeText} ({Length} elements) to {ShapeMath.Text(shape)}.");
        }
        return resolved;
    }
}
