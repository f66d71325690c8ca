using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Concatenation, stacking, splitting and slicing along one axis (block copies).</summary>
public sealed partial class Tensor
{
    /// <summary>Joins tensors along an existing axis; all other sizes must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis)
    {
        if (tensors.Count == 0) throw new ArgumentException("Concat needs at least one tensor.", nameof(tensors));
        int ax = ShapeMath.NormalizeAxis(axis, tensors[0].Rank);
        var shape = ConcatShape(tensors, ax);
        int outer = ShapeMath.Product(shape, 0, ax), inner = ShapeMath.Product(shape, ax + 1, shape.Length);
        int outBlock = shape[ax] * inner;
        var data = Buffers.Uninitialized(ShapeMath.ElementCount(shape));
        int offset = 0;
        var offsets = new int[tensors.Count];
        for (int k = 0; k < tensors.Count; k++)
        {
            offsets[k] = offset;
            int block = tensors[k].Shape[ax] * inner;
            for (int o = 0; o < outer; o++) tensors[k].Data.AsSpan(o * block, block).CopyTo(data.AsSpan(o * outBlock + offset, block));
            offset += block;
        }
        var output = new Tensor(shape, data);
        var inputs = tensors.ToArray();
        if (GradMode.IsRecording(inputs))
        {
            output.SetBackward(inputs, grad =>
            {
                for (int k = 0; k < inputs.Length; k++)
                {
                    if (!inputs[k].RequiresGrad) continue;
                    int block = inputs[k].Shape[ax] * inner;
                    var dx = Buffers.Uninitialized(inputs[k].Length);
                    for (int o = 0; o < outer; o++) grad.AsSpan(o * outBlock + offsets[k], block).CopyTo(dx.AsSpan(o * block, block));
                    inputs[k].AccumulateGradOwned(dx);
                }
            });
        }
        return output;
    }

    /// <summary>The shape of the concatenation along <paramref name="axis"/>; every other size must agree.</summary>
    private static int[] ConcatShape(IReadOnlyList<Tensor> tensors, int axis)
    {
        var first = tensors[0];
        var shape = (int[])first.Shape.Clone();
        shape[axis] = 0;
        foreach (var t in tensors)
        {
            if (t.Rank != first.Rank || Enumerable.Range(0, t.Rank).Any(i => i != axis && t.Shape[i] != first.Shape[i]))
            {
                throw new ArgumentException($"Concat along axis {axis}: shape {t.ShapeText} does not match {first.ShapeText}.");
            }
            shape[axis] += t.Shape[axis];
        }
        return shape;
    }

    /// <summary>Joins same-shaped tensors along a new axis.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int axis)
    {
        if (tensors.Count == 0) throw new ArgumentException("Stack needs at least one tensor.", nameof(tensors));
        int ax = ShapeMath.NormalizeAxis(axis, tensors[0].Rank + 1);
        return Concat(tensors.Select(t => t.Unsqueeze(ax)).ToArray(), ax);
    }

    /// <summary>Elements [start, start + length) along <paramref name="axis"/> (a copy).</summary>
    public Tensor Slice(int axis, int start, int length)
    {
        int ax = ShapeMath.NormalizeAxis(axis, Rank);
        if (start < 0 || length < 0 || start + length > Shape[ax])
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Slice [{start}, {start + length}) is outside axis {axis} of size {Shape[ax]}.");
        }
        var shape = (int[])Shape.Clone();
        shape[ax] = length;
        int outer = ShapeMath.Product(Shape, 0, ax), inner = ShapeMath.Product(Shape, ax + 1, Rank);
        int inBlock = Shape[ax] * inner, outBlock = length * inner, skip = start * inner;
        var data = Buffers.Uninitialized(outer * outBlock);
        for (int o = 0; o < outer; o++) Data.AsSpan(o * inBlock + skip, outBlock).CopyTo(data.AsSpan(o * outBlock, outBlock));
        var output = new Tensor(shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = new float[Length];
                for (int o = 0; o < outer; o++) grad.AsSpan(o * outBlock, outBlock).CopyTo(dx.AsSpan(o * inBlock + skip, outBlock));
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="axis"/>, without that axis.</summary>
    public Tensor Select(int axis, int index) => Slice(axis, index, 1).Squeeze(axis);

    /// <summary>Splits along an axis into pieces of the given sizes (they must add up to the axis size).</summary>
    public Tensor[] Split(int[] sizes, int axis)
    {
        int ax = ShapeMath.NormalizeAxis(axis, Rank);
        if (sizes.Sum() != Shape[ax]) throw new ArgumentException($"Split sizes add up to {sizes.Sum()}, axis {axis} has {Shape[ax]}.");
        var pieces = new Tensor[sizes.Length];
        int start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            pieces[i] = Slice(ax, start, sizes[i]);
            start += sizes[i];
        }
        return pieces;
    }

    /// <summary>Splits along an axis into <paramref name="count"/> equal pieces.</summary>
    public Tensor[] Chunk(int count, int axis)
    {
        int size = Size(axis);
        if (count <= 0 || size % count != 0) throw new ArgumentException($"Axis {axis} of size {size} does not split into {count} equal pieces.");
        return Split(Enumerable.Repeat(size / count, count).ToArray(), axis);
    }
}
