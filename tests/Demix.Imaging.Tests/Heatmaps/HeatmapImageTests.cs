using Demix.Imaging.Colour;
using Demix.Imaging.Drawing;
using Demix.Imaging.Heatmaps;

namespace Demix.Imaging.Tests.Heatmaps;

public sealed class HeatmapImageTests
{
    /// <summary>Grey map over [0, 255]: a pixel's level equals the rounded value it shows.</summary>
    private static readonly HeatmapOptions Identity = new() { MinValue = 0, MaxValue = 255, ColourMap = ColourMap.Grey };

    private static byte Level(PixelImage image, int x, int y) => image.Row(y)[3 * x];

    [Fact]
    public void Render_RowZeroIsDrawnAtTheBottom()
    {
        float[] values = [10, 20, 30, /* row 1 */ 200, 210, 220];
        PixelImage image = HeatmapImage.Render(values, rows: 2, columns: 3, Identity);
        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal([200, 210, 220], Enumerable.Range(0, 3).Select(x => Level(image, x, 0)));
        Assert.Equal([10, 20, 30], Enumerable.Range(0, 3).Select(x => Level(image, x, 1)));
    }

    [Fact]
    public void Render_DecibelRangeAndColourMap_PickTableEntries()
    {
        float[] values = [-100, -80, -40, 0, 12, float.NaN];
        var options = new HeatmapOptions { MinValue = -80, MaxValue = 0, ColourMap = ColourMap.Viridis };
        PixelImage image = HeatmapImage.Render(values, 1, 6, options);
        int[] expectedIndices = [0, 0, 128, 255, 255, 0]; // -40 dB is halfway: round(127.5) = 128
        for (int x = 0; x < 6; x++)
        {
            Rgb expected = ColourMap.Viridis[expectedIndices[x]];
            Assert.Equal(expected, new Rgb(image.Data[3 * x], image.Data[3 * x + 1], image.Data[3 * x + 2]));
        }
    }

    [Fact]
    public void Render_NearestUpscale_RepeatsEachCellAsABlock()
    {
        float[] values = [1, 2, 3, 4, 5, 6];
        PixelImage image = HeatmapImage.Render(values, 2, 3, Identity with { Width = 12, Height = 8 });
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 12; x++) Assert.Equal(values[(1 - y / 4) * 3 + x / 4], Level(image, x, y));
        }
    }

    [Fact]
    public void Render_NearestDownscale_PicksTheCellUnderEachPixelCentre()
    {
        float[] values = [.. Enumerable.Range(0, 12).Select(i => (float)(i * 10))];
        PixelImage image = HeatmapImage.Render(values, 1, 12, Identity with { Width = 4, Height = 1 });
        // Pixel i covers cells [3i, 3i + 3); its centre is cell 3i + 1.
        Assert.Equal([10, 40, 70, 100], Enumerable.Range(0, 4).Select(x => Level(image, x, 0)));
    }

    [Fact]
    public void Render_Bilinear_InterpolatesValuesBetweenCellCentres()
    {
        float[] values = [0, 100, 200];
        PixelImage image = HeatmapImage.Render(values, 1, 3, Identity with { Width = 12, Height = 3, Resampling = Resampling.Bilinear });
        for (int x = 0; x < 12; x++)
        {
            double centre = (x + 0.5) * 3 / 12 - 0.5; // in cells
            byte expected = (byte)Math.Round(100 * Math.Clamp(centre, 0, 2));
            for (int y = 0; y < 3; y++) Assert.Equal(expected, Level(image, x, y));
        }
    }

    [Theory]
    [InlineData(Resampling.Nearest)]
    [InlineData(Resampling.Bilinear)]
    [InlineData(Resampling.Area)]
    public void Render_ColumnMajor_EqualsRowMajorOfTheTransposedMatrix(Resampling resampling)
    {
        const int rows = 5, columns = 7;
        var random = new Random(6);
        float[] rowMajor = [.. Enumerable.Range(0, rows * columns).Select(_ => (float)(random.NextDouble() * 255))];
        var columnMajor = new float[rows * columns]; // [columns, rows], like an STFT [frames, bins]
        for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) columnMajor[c * rows + r] = rowMajor[r * columns + c];
        HeatmapOptions options = Identity with { Width = 23, Height = 11, Resampling = resampling };
        PixelImage expected = HeatmapImage.Render(rowMajor, rows, columns, options);
        PixelImage actual = HeatmapImage.Render(columnMajor, rows, columns, options with { Layout = MatrixLayout.ColumnMajor });
        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void Render_BadShapeOrRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => HeatmapImage.Render(new float[5], 2, 3, Identity));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatmapImage.Render(new float[6], 2, 3, Identity with { MinValue = 0, MaxValue = 0 }));
    }
}
