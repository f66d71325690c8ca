using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Kernels;

public sealed class Im2ColTests
{
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 2, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1, 9, 11 },
        new[] { 3, 12, 70, 5, 5, 2, 2, 1, 1, 1, 1, 6, 35 },       // stride 2: the AVX-512 de-interleave path
        new[] { 2, 8, 9, 3, 2, 3, 3, 2, 0, 2, 1, 3, 3 },          // stride 3, dilation
        new[] { 1, 5, 5, 7, 7, 1, 1, 3, 3, 1, 1, 5, 5 },          // kernel larger than the image
        new[] { 2, 6, 100, 1, 5, 1, 2, 0, 2, 1, 1, 6, 50 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Unfold_MatchesDefinition(int[] v)
    {
        ConvGeometry g = Geometry(v);
        float[] image = ConvReference.Random(g.Channels * g.Height * g.Width, 1);
        var columns = new float[g.ColumnRows * g.ColumnCount];
        Im2Col.Unfold(image, g, columns);
        for (int c = 0; c < g.Channels; c++)
        for (int ky = 0; ky < g.KernelHeight; ky++)
        for (int kx = 0; kx < g.KernelWidth; kx++)
        for (int oy = 0; oy < g.OutHeight; oy++)
        for (int ox = 0; ox < g.OutWidth; ox++)
        {
            int iy = oy * g.StrideHeight - g.PadTop + ky * g.DilationHeight;
            int ix = ox * g.StrideWidth - g.PadLeft + kx * g.DilationWidth;
            bool inside = iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width;
            float expected = inside ? image[(c * g.Height + iy) * g.Width + ix] : 0f;
            int row = (c * g.KernelHeight + ky) * g.KernelWidth + kx;
            Assert.Equal(expected, columns[row * g.ColumnCount + oy * g.OutWidth + ox]);
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void FoldAdd_IsTheAdjointOfUnfold(int[] v)
    {
        ConvGeometry g = Geometry(v);
        float[] image = ConvReference.Random(g.Channels * g.Height * g.Width, 2);
        float[] columns = ConvReference.Random(g.ColumnRows * g.ColumnCount, 3);
        var unfolded = new float[columns.Length];
        Im2Col.Unfold(image, g, unfolded);
        float[] folded = ConvReference.Random(image.Length, 4);
        float[] before = (float[])folded.Clone();
        Im2Col.FoldAdd(columns, g, folded);
        double left = 0, right = 0;
        for (int i = 0; i < columns.Length; i++)
        {
            left += (double)unfolded[i] * columns[i];
        }

        for (int i = 0; i < image.Length; i++)
        {
            right += (double)image[i] * (folded[i] - before[i]);
        }

        Assert.Equal(left, right, 1e-4 * Math.Max(1, Math.Abs(left)));
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void UnfoldRows_EqualsTheBandOfTheFullUnfold(int[] v)
    {
        ConvGeometry g = Geometry(v);
        float[] image = ConvReference.Random(g.Channels * g.Height * g.Width, 5);
        var full = new float[g.ColumnRows * g.ColumnCount];
        Im2Col.Unfold(image, g, full);
        int oy0 = g.OutHeight / 3, rows = Math.Max(1, g.OutHeight / 2);
        var band = new float[g.ColumnRows * rows * g.OutWidth];
        Im2Col.UnfoldRows(image, g, oy0, rows, band);
        for (int row = 0; row < g.ColumnRows; row++)
        {
            Assert.Equal(full.AsSpan(row * g.ColumnCount + oy0 * g.OutWidth, rows * g.OutWidth).ToArray(),
                band.AsSpan(row * rows * g.OutWidth, rows * g.OutWidth).ToArray());
        }
    }

    [Fact]
    public void ParallelUnfoldAndFold_SplitByChannelWithPaddedRows_EqualSerial()
    {
        var g = new ConvGeometry(8, 40, 100, 5, 5, 1, 1, 2, 2, 1, 1, 40, 100);
        float[] image = ConvReference.Random(g.Channels * g.Height * g.Width, 6);
        int rows = 10, width = rows * g.OutWidth, stride = width + 16;
        var serial = new float[g.ColumnRows * width];
        var parallel = new float[g.ColumnRows * stride];
        Im2Col.UnfoldRows(image, g, 7, rows, serial);
        ParallelIm2Col.UnfoldRows(image, g, 7, rows, parallel, stride, threads: 2);
        for (int r = 0; r < g.ColumnRows; r++)
        {
            Assert.Equal(serial.AsSpan(r * width, width).ToArray(), parallel.AsSpan(r * stride, width).ToArray());
        }

        float[] foldedSerial = (float[])image.Clone(), foldedParallel = (float[])image.Clone();
        Im2Col.FoldAddRows(serial, g, 7, rows, foldedSerial);
        ParallelIm2Col.FoldAddRows(parallel, g, 7, rows, foldedParallel, stride, threads: 2);
        Assert.Equal(foldedSerial, foldedParallel);
    }

    private static ConvGeometry Geometry(int[] v) =>
        new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
}
