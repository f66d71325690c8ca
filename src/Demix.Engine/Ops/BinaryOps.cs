using System.Numerics.Tensors;
using Demix.Engine.Tensors;

namespace Demix.Engine.Ops;

/// <summary>An elementwise binary op over spans and scalars, specialised by the JIT per struct.</summary>
internal interface IBinaryOp
{
    static abstract void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);
    static abstract void Apply(ReadOnlySpan<float> x, float y, Span<float> destination);
    static abstract void Apply(float x, ReadOnlySpan<float> y, Span<float> destination);
}

internal readonly struct AddOp : IBinaryOp
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(y, x, d);
}

internal readonly struct SubtractOp : IBinaryOp
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
}

internal readonly struct MultiplyOp : IBinaryOp
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(y, x, d);
}

internal readonly struct DivideOp : IBinaryOp
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void Apply(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void Apply(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
}

/// <summary>Runs binary ops with broadcasting, and sums broadcast gradients back to an operand's shape.</summary>
internal static class BroadcastKernels
{
    /// <summary>destination[outShape] = op(a broadcast, b broadcast).</summary>
    public static void Run<TOp>(float[] a, int[] aShape, float[] b, int[] bShape, int[] outShape, float[] destination)
        where TOp : struct, IBinaryOp
    {
        if (ShapeMath.SameShape(aShape, bShape))
        {
            ParallelLoop.For(destination.Length, (start, count) =>
                TOp.Apply(a.AsSpan(start, count), b.AsSpan(start, count), destination.AsSpan(start, count)));
            return;
        }
        var plan = BroadcastPlan.Create(outShape, aShape, bShape);
        int inner = plan.InnerLength;
        // Rows are independent: long outputs are split across the cores by rows.
        int rowsPerChunk = Math.Max(1, ParallelLoop.MinParallelLength / Math.Max(inner, 1));
        ParallelLoop.For(plan.RowCount, (first, count) => RunRows<TOp>(a, b, destination, plan, first, count), rowsPerChunk);
    }

    private static void RunRows<TOp>(float[] a, float[] b, float[] destination, BroadcastPlan plan, int first, int count)
        where TOp : struct, IBinaryOp
    {
        int inner = plan.InnerLength;
        for (int row = first; row < first + count; row++)
        {
            var dst = destination.AsSpan(row * inner, inner);
            int oa = plan.OffsetsA[row], ob = plan.OffsetsB[row];
            if (plan.InnerStrideA == 1 && plan.InnerStrideB == 1) TOp.Apply(a.AsSpan(oa, inner), b.AsSpan(ob, inner), dst);
            else if (plan.InnerStrideA == 1) TOp.Apply(a.AsSpan(oa, inner), b[ob], dst);
            else if (plan.InnerStrideB == 1) TOp.Apply(a[oa], b.AsSpan(ob, inner), dst);
            else
            {
                TOp.Apply(a.AsSpan(oa, 1), b[ob], dst[..1]);
                dst.Fill(dst[0]);
            }
        }
    }

    /// <summary>Sums a gradient of shape <paramref name="outShape"/> over the axes along which <paramref name="targetShape"/> was broadcast.</summary>
    /// <returns>A new array of the target's length (or <paramref name="gradient"/> itself when the shapes have the same length).</returns>
    public static float[] SumToShape(float[] gradient, int[] outShape, int[] targetShape)
    {
        int targetLength = ShapeMath.ElementCount(targetShape);
        if (targetLength == gradient.Length) return gradient;
        var plan = BroadcastPlan.Create(outShape, targetShape, outShape);
        int inner = plan.InnerLength;
        // Long gradients: fixed chunks of rows (their number depends on the sizes only, never on the cores or the
        // threads that ran) are summed into their own partial results, which are then added in chunk order.
        int rowsPerChunk = Math.Max(1, ParallelLoop.MinParallelLength / Math.Max(inner, 1));
        int chunks = Math.Clamp(plan.RowCount / rowsPerChunk, 1, ParallelLoop.MaxReductionChunks);
        var partials = new float[chunks][];
        int chunk = (plan.RowCount + chunks - 1) / chunks;
        ParallelLoop.For(chunks, (first, count) =>
        {
            for (int part = first; part < first + count; part++)
            {
                partials[part] = new float[targetLength];
                SumRows(gradient, plan, part * chunk, Math.Min(chunk, plan.RowCount - part * chunk), partials[part]);
            }
        }, minChunk: 1);
        for (int part = 1; part < chunks; part++) TensorPrimitives.Add(partials[0], partials[part], partials[0]);
        return partials[0];
    }

    /// <summary>result[target offset of row] += gradient row, for rows [first, first + count).</summary>
    private static void SumRows(float[] gradient, BroadcastPlan plan, int first, int count, float[] result)
    {
        int inner = plan.InnerLength;
        for (int row = first; row < first + count; row++)
        {
            var source = gradient.AsSpan(row * inner, inner);
            int offset = plan.OffsetsA[row];
            if (plan.InnerStrideA == 1) TensorPrimitives.Add(result.AsSpan(offset, inner), source, result.AsSpan(offset, inner));
            else result[offset] += TensorPrimitives.Sum(source);
        }
    }
}
