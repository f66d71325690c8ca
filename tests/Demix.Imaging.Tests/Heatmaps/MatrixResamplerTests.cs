using Demix.Imaging.Heatmaps;

namespace Demix.Imaging.Tests.Heatmaps;

public sealed class MatrixResamplerTests
{
    [Fact]
    public void Area_IntegerSqueeze_AveragesEachGroupOfCells()
    {
        float[] values = [.. Enumerable.Range(0, 12).Select(i => (float)(i * 10))];
        double[] output = MatrixResampler.Resample(values, 1, 12, MatrixLayout.RowMajor, 4, 1, Resampling.Area);
        Assert.Equal([10, 40, 70, 100], output.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Area_FractionalSqueeze_WeighsCellsByOverlap()
    {
        float[] values = [1, 2, 3, 4, 5];
        double[] output = MatrixResampler.Resample(values, 1, 5, MatrixLayout.RowMajor, 2, 1, Resampling.Area);
        Assert.Equal((1 + 2 + 0.5 * 3) / 2.5, output[0], 12);
        Assert.Equal((0.5 * 3 + 4 + 5) / 2.5, output[1], 12);
    }

    [Fact]
    public void Area_AnySqueeze_KeepsTheMeanOfTheMatrix()
    {
        const int rows = 157, columns = 1031;
        var random = new Random(12);
        float[] values = [.. Enumerable.Range(0, rows * columns).Select(_ => (float)(random.NextDouble() * 80 - 80))];
        double[] output = MatrixResampler.Resample(values, rows, columns, MatrixLayout.ColumnMajor, 64, 10, Resampling.Area);
        Assert.Equal(values.Average(v => (double)v), output.Average(), 9);
    }

    [Fact]
    public void Area_Enlarging_RepeatsCellsLikeNearest()
    {
        float[] values = [3, 7];
        double[] area = MatrixResampler.Resample(values, 1, 2, MatrixLayout.RowMajor, 6, 1, Resampling.Area);
        double[] nearest = MatrixResampler.Resample(values, 1, 2, MatrixLayout.RowMajor, 6, 1, Resampling.Nearest);
        Assert.Equal([3, 3, 3, 7, 7, 7], area.Select(v => Math.Round(v, 9)));
        Assert.Equal(nearest, area.Select(v => Math.Round(v, 9)));
    }
}
