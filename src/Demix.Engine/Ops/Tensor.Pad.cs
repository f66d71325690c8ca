using Demix.Engine.Autograd;
using Demix.Engine.Ops;

namespace Demix.Engine.Tensors;

/// <summary>How <see cref="Tensor.Pad"/> fills new elements.</summary>
public enum PadMode
{
    /// <summary>Zeros.</summary>
    Zeros,

    /// <summary>Mirror without repeating the edge: [a b c] padded by 2 gives [c b | a b c | b a].</summary>
    Reflect,

    /// <summary>Repeat the edge value.</summary>
    Replicate,
}

/// <summary>Padding, cropping, repeating, broadcasting, index selection and flipping, all as index-map gathers.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Pads (or, with negative amounts, crops) the trailing axes, PyTorch F.pad order:
    /// (lastBefore, lastAfter, secondToLastBefore, secondToLastAfter, ...).
    /// </summary>
    public Tensor Pad(int[] pads, PadMode mode = PadMode.Zeros)
    {
        if (pads.Length % 2 != 0 || pads.Length / 2 > Rank) throw new ArgumentException($"Pad needs pairs for at most {Rank} axes, got {pads.Length} values.");
        var maps = IdentityMaps();
        for (int pair = 0; pair < pads.Length / 2; pair++)
        {
            int axis = Rank - 1 - pair;
            maps[axis] = PadMap(Shape[axis], pads[2 * pair], pads[2 * pair + 1], mode);
        }
        return Gather(maps);
    }

    /// <summary>Pads one axis with <paramref name="before"/> and <paramref name="after"/> elements.</summary>
    public Tensor PadAxis(int axis, int before, int after, PadMode mode = PadMode.Zeros)
    {
        int ax = ShapeMath.NormalizeAxis(axis, Rank);
        var maps = IdentityMaps();
        maps[ax] = PadMap(Shape[ax], before, after, mode);
        return Gather(maps);
    }

    /// <summary>Removes <paramref name="before"/> and <paramref name="after"/> elements at the ends of one axis.</summary>
    public Tensor Crop(int axis, int before, int after) => Slice(axis, before, Size(axis) - before - after);

    /// <summary>Tiles the tensor <paramref name="repeats"/>[i] times along axis i (PyTorch repeat; same rank).</summary>
    public Tensor Repeat(params int[] repeats)
    {
        if (repeats.Length != Rank) throw new ArgumentException($"Repeat needs {Rank} counts, got {repeats.Length}.");
        var maps = new int[Rank][];
        for (int axis = 0; axis < Rank; axis++)
        {
            int size = Shape[axis];
            maps[axis] = Enumerable.Range(0, size * repeats[axis]).Select(i => i % size).ToArray();
        }
        return Gather(maps);
    }

    /// <summary>Broadcasts size-1 axes to <paramref name="shape"/> (a copy; the gradient sums back).</summary>
    public Tensor Expand(params int[] shape)
    {
        if (shape.Length < Rank) throw new ArgumentException($"Cannot expand {ShapeText} to fewer axes {ShapeMath.Text(shape)}.");
        var source = Rank == shape.Length ? this : Reshape([.. Enumerable.Repeat(1, shape.Length - Rank), .. Shape]);
        var maps = new int[shape.Length][];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            int size = source.Shape[axis];
            if (size != shape[axis] && size != 1) throw new ArgumentException($"Cannot expand {ShapeText} to {ShapeMath.Text(shape)}.");
            maps[axis] = Enumerable.Range(0, shape[axis]).Select(i => size == 1 ? 0 : i).ToArray();
        }
        return source.Gather(maps);
    }

    /// <summary>The entries <paramref name="indices"/> (in that order, repeats allowed) along <paramref name="axis"/>.</summary>
    public Tensor IndexSelect(int axis, params int[] indices)
    {
        int ax = ShapeMath.NormalizeAxis(axis, Rank);
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)Shape[ax]) throw new ArgumentOutOfRangeException(nameof(indices), $"Index {index} is outside axis {axis} of size {Shape[ax]}.");
        }
        var maps = IdentityMaps();
        maps[ax] = (int[])indices.Clone();
        return Gather(maps);
    }

    /// <summary>Reverses the order along <paramref name="axis"/>.</summary>
    public Tensor Flip(int axis)
    {
        int size = Size(axis);
        return IndexSelect(axis, Enumerable.Range(0, size).Select(i => size - 1 - i).ToArray());
    }

    /// <summary>output[i0..ik] = this[maps0[i0], ..., mapsk[ik]] (0 where a map entry is -1).</summary>
    internal Tensor Gather(int[][] maps)
    {
        var gather = new AxisGather(Shape, maps);
        var data = new float[ShapeMath.ElementCount(gather.OutputShape)];
        gather.Gather(Data, data);
        var output = new Tensor(gather.OutputShape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = new float[Length];
                gather.ScatterAdd(grad, dx);
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    private int[][] IdentityMaps() => Shape.Select(size => Enumerable.Range(0, size).ToArray()).ToArray();

    private static int[] PadMap(int size, int before, int after, PadMode mode)
    {
        int outSize = size + before + after;
        if (outSize < 0) throw new ArgumentException($"Padding ({before}, {after}) removes more than the axis size {size}.");
        if (mode == PadMode.Reflect && (before >= size || after >= size))
        {
            throw new ArgumentException($"Reflect padding ({before}, {after}) must be smaller than the axis size {size}.");
        }
        var map = new int[outSize];
        for (int i = 0; i < outSize; i++)
        {
            int j = i - before;
            map[i] = j >= 0 && j < size ? j : mode switch
            {
                PadMode.Reflect => j < 0 ? -j : 2 * (size - 1) - j,
                PadMode.Replicate => Math.Clamp(j, 0, size - 1),
                _ => -1,
            };
        }
        return map;
    }
}
