using System.Runtime.CompilerServices;

namespace Demix.Engine.Kernels;

/// <summary>
/// Unfolds image patches into columns so that a 2-d convolution becomes one matrix product, and folds them back.
/// Input image: [channels, height, width]; columns: [channels * kernelHeight * kernelWidth, outHeight * outWidth].
/// Padding is zero padding; <paramref name="geometry"/> gives kernel, stride, padding and dilation.
/// </summary>
/// <remarks>
/// Each (channel, ky, kx) row is produced one output row at a time: the in-bounds run of output columns is
/// found once, then copied (stride 1), de-interleaved with AVX-512 permutes (stride 2) or gathered (other strides);
/// only the padding margins are zero-filled. The band variants work on a range of output rows, so that a
/// convolution can unfold a slab that stays in cache.
/// </remarks>
public static class Im2Col
{
    /// <summary>columns[(c, ky, kx), (oy, ox)] = input[c, oy*sy - padTop + ky*dy, ox*sx - padLeft + kx*dx] (0 outside).</summary>
    public static void Unfold(ReadOnlySpan<float> input, in ConvGeometry geometry, Span<float> columns)
    {
        UnfoldRows(input, geometry, 0, geometry.OutHeight, columns);
    }

    /// <summary>The adjoint of <see cref="Unfold"/>: input[c, iy, ix] += every column entry that was read from it.</summary>
    public static void FoldAdd(ReadOnlySpan<float> columns, in ConvGeometry geometry, Span<float> input)
    {
        FoldAddRows(columns, geometry, 0, geometry.OutHeight, input);
    }

    /// <summary>
    /// <see cref="Unfold"/> for output rows [oy0, oy0 + rows): columns is [ColumnRows, rows * OutWidth].
    /// </summary>
    public static void UnfoldRows(ReadOnlySpan<float> input, in ConvGeometry geometry, int oy0, int rows, Span<float> columns) =>
        UnfoldRows(input, geometry, oy0, rows, columns, 0, geometry.Channels, rows * geometry.OutWidth);

    /// <summary><see cref="UnfoldRows(ReadOnlySpan{float}, in ConvGeometry, int, int, Span{float})"/> for channels [c0, c1) only.</summary>
    /// <remarks>Rows of the columns lie <paramref name="rowStride"/> floats apart (at least rows * OutWidth).</remarks>
    internal static unsafe void UnfoldRows(ReadOnlySpan<float> input, in ConvGeometry geometry, int oy0, int rows, Span<float> columns, int c0, int c1, int rowStride)
    {
        CheckBand(geometry, oy0, rows);
        CheckLengths(input.Length, columns.Length, geometry, rows, rowStride);
        fixed (float* src = input)
        fixed (float* dst = columns)
        {
            ConvGeometry g = geometry;
            nint band = rowStride;
            for (int c = c0; c < c1; c++)
            for (int ky = 0; ky < g.KernelHeight; ky++)
            for (int kx = 0; kx < g.KernelWidth; kx++)
            {
                int row = (c * g.KernelHeight + ky) * g.KernelWidth + kx;
                var run = ColumnRun.For(g, kx);
                float* image = src + (nint)c * g.Height * g.Width;
                UnfoldKernelRow(image, g, ky, run, oy0, rows, dst + row * band);
            }
        }
    }

    /// <summary><see cref="FoldAdd"/> for output rows [oy0, oy0 + rows): columns is [ColumnRows, rows * OutWidth].</summary>
    public static void FoldAddRows(ReadOnlySpan<float> columns, in ConvGeometry geometry, int oy0, int rows, Span<float> input) =>
        FoldAddRows(columns, geometry, oy0, rows, input, 0, geometry.Channels, rows * geometry.OutWidth);

    /// <summary><see cref="FoldAddRows(ReadOnlySpan{float}, in ConvGeometry, int, int, Span{float})"/> for channels [c0, c1) only (disjoint image planes).</summary>
    internal static unsafe void FoldAddRows(ReadOnlySpan<float> columns, in ConvGeometry geometry, int oy0, int rows, Span<float> input, int c0, int c1, int rowStride)
    {
        CheckBand(geometry, oy0, rows);
        CheckLengths(input.Length, columns.Length, geometry, rows, rowStride);
        fixed (float* src = columns)
        fixed (float* dst = input)
        {
            ConvGeometry g = geometry;
            nint band = rowStride;
            for (int c = c0; c < c1; c++)
            for (int ky = 0; ky < g.KernelHeight; ky++)
            for (int kx = 0; kx < g.KernelWidth; kx++)
            {
                int row = (c * g.KernelHeight + ky) * g.KernelWidth + kx;
                var run = ColumnRun.For(g, kx);
                float* image = dst + (nint)c * g.Height * g.Width;
                FoldKernelRow(src + row * band, g, ky, run, oy0, rows, image);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UnfoldKernelRow(float* image, in ConvGeometry g, int ky, ColumnRun run, int oy0, int rows, float* dst)
    {
        for (int r = 0; r < rows; r++)
        {
            float* to = dst + (nint)r * g.OutWidth;
            int iy = (oy0 + r) * g.StrideHeight - g.PadTop + ky * g.DilationHeight;
            if (iy < 0 || iy >= g.Height)
            {
                new Span<float>(to, g.OutWidth).Clear();
                continue;
            }

            new Span<float>(to, run.First).Clear();
            new Span<float>(to + run.End, g.OutWidth - run.End).Clear();
            float* from = image + (nint)iy * g.Width + run.FirstInputColumn;
            StridedCopy.Gather(from, g.StrideWidth, to + run.First, run.End - run.First);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void FoldKernelRow(float* src, in ConvGeometry g, int ky, ColumnRun run, int oy0, int rows, float* image)
    {
        for (int r = 0; r < rows; r++)
        {
            int iy = (oy0 + r) * g.StrideHeight - g.PadTop + ky * g.DilationHeight;
            if (iy < 0 || iy >= g.Height)
            {
                continue;
            }

            float* from = src + (nint)r * g.OutWidth + run.First;
            float* to = image + (nint)iy * g.Width + run.FirstInputColumn;
            StridedCopy.ScatterAdd(from, to, g.StrideWidth, run.End - run.First);
        }
    }

    private static void CheckBand(in ConvGeometry g, int oy0, int rows)
    {
        if (oy0 < 0 || rows < 0 || oy0 + rows > g.OutHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"Output rows [{oy0}, {oy0 + rows}) lie outside [0, {g.OutHeight}).");
        }
    }

    private static void CheckLengths(int inputLength, int columnsLength, in ConvGeometry g, int rows, int rowStride)
    {
        long image = (long)g.Channels * g.Height * g.Width;
        long columns = (long)(g.ColumnRows - 1) * rowStride + rows * g.OutWidth;
        if (inputLength < image || columnsLength < columns || rowStride < rows * g.OutWidth)
        {
            throw new ArgumentException(
                $"Im2Col: the image needs {image} elements (has {inputLength}) and the columns {columns} (have {columnsLength}) for {g}.");
        }
    }
}

/// <summary>
/// The output columns [First, End) whose input column ox*sx - padLeft + kx*dx lies inside the image, for one kx.
/// </summary>
internal readonly record struct ColumnRun(int First, int End, int FirstInputColumn)
{
    public static ColumnRun For(in ConvGeometry g, int kx)
    {
        int offset = kx * g.DilationWidth - g.PadLeft;
        int first = offset >= 0 ? 0 : (-offset + g.StrideWidth - 1) / g.StrideWidth;
        int end = g.Width - offset <= 0 ? 0 : (g.Width - offset + g.StrideWidth - 1) / g.StrideWidth;
        first = Math.Min(first, g.OutWidth);
        end = Math.Clamp(end, first, g.OutWidth);
        return new ColumnRun(first, end, first * g.StrideWidth + offset);
    }
}
