using Demix.Engine.Tensors;

namespace Demix.Engine.Ops;

/// <summary>
/// Walks an output shape as rows of a contiguous inner run, with each operand's start offset per row.
/// Axes are coalesced first, so [N, C, H, W] + [1, C, 1, 1] becomes N*C rows of H*W with operand b
/// stepping once per row (inner stride 0), and equal shapes become one row.
/// </summary>
internal sealed class BroadcastPlan
{
    private BroadcastPlan(int innerLength, int innerStrideA, int innerStrideB, int[] offsetsA, int[] offsetsB)
    {
        InnerLength = innerLength;
        InnerStrideA = innerStrideA;
        InnerStrideB = innerStrideB;
        OffsetsA = offsetsA;
        OffsetsB = offsetsB;
    }

    /// <summary>Length of each contiguous output run.</summary>
    public int InnerLength { get; }

    /// <summary>1 when operand a advances along the run, 0 when it is broadcast (one value per run).</summary>
    public int InnerStrideA { get; }

    /// <summary>1 when operand b advances along the run, 0 when it is broadcast.</summary>
    public int InnerStrideB { get; }

    /// <summary>Start of each row in operand a.</summary>
    public int[] OffsetsA { get; }

    /// <summary>Start of each row in operand b.</summary>
    public int[] OffsetsB { get; }

    /// <summary>Number of rows; the output row r starts at r * InnerLength.</summary>
    public int RowCount => OffsetsA.Length;

    /// <summary>Plans out = f(a, b) with a and b broadcast to <paramref name="outShape"/>.</summary>
    public static BroadcastPlan Create(int[] outShape, int[] aShape, int[] bShape)
    {
        int rank = outShape.Length;
        var stridesA = AlignedStrides(aShape, rank);
        var stridesB = AlignedStrides(bShape, rank);
        var sizes = new List<int>(rank);
        var sa = new List<int>(rank);
        var sb = new List<int>(rank);
        for (int axis = 0; axis < rank; axis++)
        {
            if (outShape[axis] == 1) continue;
            int count = sizes.Count;
            if (count > 0 && sa[count - 1] == stridesA[axis] * outShape[axis] && sb[count - 1] == stridesB[axis] * outShape[axis])
            {
                sizes[count - 1] *= outShape[axis];
                sa[count - 1] = stridesA[axis];
                sb[count - 1] = stridesB[axis];
                continue;
            }
            sizes.Add(outShape[axis]);
            sa.Add(stridesA[axis]);
            sb.Add(stridesB[axis]);
        }
        if (sizes.Count == 0) return new BroadcastPlan(ShapeMath.ElementCount(outShape), 1, 1, [0], [0]);
        int last = sizes.Count - 1;
        var (offsetsA, offsetsB) = RowOffsets(sizes, sa, sb);
        return new BroadcastPlan(sizes[last], sa[last], sb[last], offsetsA, offsetsB);
    }

    /// <summary>Strides of <paramref name="shape"/> right-aligned to <paramref name="rank"/> axes, 0 where it is broadcast.</summary>
    private static int[] AlignedStrides(int[] shape, int rank)
    {
        var own = ShapeMath.Strides(shape);
        var strides = new int[rank];
        int shift = rank - shape.Length;
        for (int axis = 0; axis < shape.Length; axis++) strides[axis + shift] = shape[axis] == 1 ? 0 : own[axis];
        return strides;
    }

    private static (int[] A, int[] B) RowOffsets(List<int> sizes, List<int> sa, List<int> sb)
    {
        int outer = sizes.Count - 1;
        int rows = 1;
        for (int axis = 0; axis < outer; axis++) rows *= sizes[axis];
        var offsetsA = new int[rows];
        var offsetsB = new int[rows];
        var counter = new int[Math.Max(outer, 1)];
        int offA = 0, offB = 0;
        for (int row = 0; row < rows; row++)
        {
            offsetsA[row] = offA;
            offsetsB[row] = offB;
            for (int axis = outer - 1; axis >= 0; axis--)
            {
                counter[axis]++;
                offA += sa[axis];
                offB += sb[axis];
                if (counter[axis] < sizes[axis]) break;
                offA -= sa[axis] * sizes[axis];
                offB -= sb[axis] * sizes[axis];
                counter[axis] = 0;
            }
        }
        return (offsetsA, offsetsB);
    }
}
