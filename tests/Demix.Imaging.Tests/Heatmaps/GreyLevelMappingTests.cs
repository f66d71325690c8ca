using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Heatmaps;

public sealed class GreyLevelMappingTests
{
    private static readonly GreyLevelMapping Decibels = new(-80, 0);

    [Fact]
    public void LevelsToValuesToLevels_IsExact()
    {
        for (int level = 0; level < 256; level++) Assert.Equal(level, Decibels.ToLevel(Decibels.ToValue((byte)level)));
        Assert.Equal(-80, Decibels.ToValue(0));
        Assert.Equal(0, Decibels.ToValue(255));
    }

    [Fact]
    public void ValuesToLevelsToValues_IsWithinHalfALevel()
    {
        var random = new Random(2);
        double halfLevel = Decibels.QuantisationStep / 2;
        Assert.Equal(80.0 / 510, halfLevel, 12);
        for (int i = 0; i < 10000; i++)
        {
            double value = -80 + 80 * random.NextDouble();
            Assert.InRange(Decibels.ToValue(Decibels.ToLevel(value)) - value, -halfLevel - 1e-12, halfLevel + 1e-12);
        }
    }

    [Fact]
    public void ToLevel_ClampsOutsideValuesAndNaN()
    {
        Assert.Equal(0, Decibels.ToLevel(-120));
        Assert.Equal(255, Decibels.ToLevel(6));
        Assert.Equal(0, Decibels.ToLevel(double.NaN));
    }

    [Fact]
    public void ImageRoundTripThroughPng_256x256_RecoversValuesWithinHalfALevel()
    {
        const int size = 256;
        var random = new Random(4);
        float[] values = [.. Enumerable.Range(0, size * size).Select(i => (float)(-80 + 80 * random.NextDouble()))];
        PixelImage image = Decibels.ToImage(values, size, size);
        Assert.Equal((size, size, PixelFormat.Grey8), (image.Width, image.Height, image.Format));
        Assert.Equal(Decibels.ToLevel(values[0]), image.Row(size - 1)[0]); // matrix row 0 is the bottom image row
        Assert.Equal(Decibels.ToLevel(values[(size - 1) * size + 5]), image.Row(0)[5]);
        float[] recovered = Decibels.FromImage(PngDecoder.Decode(PngEncoder.Encode(image)));
        double halfLevel = Decibels.QuantisationStep / 2 + 1e-5; // plus float32 rounding
        for (int i = 0; i < values.Length; i++) Assert.InRange(recovered[i] - values[i], -halfLevel, halfLevel);
        Assert.Equal(image.Data, Decibels.ToImage(recovered, size, size).Data);
    }

    [Fact]
    public void ColumnMajor_MatchesRowMajorOfTheTransposeBothWays()
    {
        const int rows = 4, columns = 6;
        float[] rowMajor = [.. Enumerable.Range(0, rows * columns).Select(i => (float)(-80 + 3.3 * i))];
        var columnMajor = new float[rows * columns];
        for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) columnMajor[c * rows + r] = rowMajor[r * columns + c];
        PixelImage image = Decibels.ToImage(rowMajor, rows, columns);
        Assert.Equal(image.Data, Decibels.ToImage(columnMajor, rows, columns, MatrixLayout.ColumnMajor).Data);
        float[] back = Decibels.FromImage(image, MatrixLayout.ColumnMajor);
        for (int i = 0; i < back.Length; i++) Assert.Equal(columnMajor[i], back[i], 80.0 / 510 + 1e-5);
    }

    [Fact]
    public void FromImage_AcceptsGreyRgbAndRejectsColour()
    {
        var grey = new PixelImage(2, 1, PixelFormat.Rgb8, [0, 0, 0, 255, 255, 255]);
        Assert.Equal([-80f, 0f], Decibels.FromImage(grey));
        var colour = new PixelImage(1, 1, PixelFormat.Rgb8, [10, 20, 30]);
        Assert.Contains("not grey", Assert.Throws<ArgumentException>(() => Decibels.FromImage(colour)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GreyLevelMapping(1, 1).ToLevel(1));
    }
}
