using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

public sealed class PngFilterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void ApplyThenUnfilter_EveryType_RestoresRow(int bytesPerPixel)
    {
        var random = new Random(7);
        byte[] previous = new byte[31], row = new byte[31], filtered = new byte[31];
        random.NextBytes(previous);
        random.NextBytes(row);
        for (byte type = 0; type <= 4; type++)
        {
            PngFilter.Apply(type, row, previous, bytesPerPixel, filtered);
            Assert.True(PngFilter.TryUnfilter(type, filtered, previous, bytesPerPixel));
            Assert.Equal(row, filtered);
        }
    }

    [Fact]
    public void ApplyAdaptive_RowEqualToPrevious_ChoosesUp()
    {
        byte[] row = [10, 200, 30, 250, 5, 90, 17, 3, 140];
        var destination = new byte[row.Length];
        byte chosen = PngFilter.ApplyAdaptive(row, row, 3, destination, new byte[row.Length]);
        Assert.Equal(PngFilter.Up, chosen);
        Assert.All(destination, value => Assert.Equal(0, value));
    }

    [Fact]
    public void ApplyAdaptive_HorizontalRampUnderUnrelatedRow_ChoosesSub()
    {
        byte[] row = [.. Enumerable.Range(0, 40).Select(i => (byte)(100 + i))];
        byte[] previous = [.. Enumerable.Range(0, 40).Select(i => (byte)(i * 37 % 256))];
        var destination = new byte[row.Length];
        byte chosen = PngFilter.ApplyAdaptive(row, previous, 1, destination, new byte[row.Length]);
        Assert.Equal(PngFilter.Sub, chosen);
        Assert.Equal(40 * 1 + 99, PngFilter.SumOfAbsoluteSignedBytes(destination));
    }

    [Fact]
    public void TryUnfilter_UnknownType_ReturnsFalse()
    {
        Assert.False(PngFilter.TryUnfilter(5, new byte[4], new byte[4], 1));
    }

    [Fact]
    public void PaethPredictor_PicksNeighbourNearestToGradientEstimate()
    {
        Assert.Equal(20, PngFilter.PaethPredictor(10, 20, 10)); // estimate 20 = up
        Assert.Equal(20, PngFilter.PaethPredictor(20, 10, 10)); // estimate 20 = left
        Assert.Equal(2, PngFilter.PaethPredictor(1, 3, 2));     // estimate 2 = upper-left
        Assert.Equal(7, PngFilter.PaethPredictor(7, 7, 7));
    }
}
