using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

/// <summary>The vectorised encoder filters against a plain per-byte reference, over every SIMD tail length.</summary>
public sealed class PngFilterKernelTests
{
    private static byte Reference(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, int i)
    {
        int a = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0, b = previous[i], c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        int paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        int predictor = type switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => paeth };
        return unchecked((byte)(row[i] - predictor));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Apply_AllTypesAndLengths_MatchesScalarReference(int bytesPerPixel)
    {
        var random = new Random(bytesPerPixel);
        for (int length = 0; length <= 100; length++)
        {
            byte[] row = new byte[length], previous = new byte[length], actual = new byte[length];
            random.NextBytes(row);
            random.NextBytes(previous);
            for (byte type = 0; type <= 4; type++)
            {
                PngFilter.Apply(type, row, previous, bytesPerPixel, actual);
                for (int i = 0; i < length; i++)
                {
                    Assert.True(Reference(type, row, previous, bytesPerPixel, i) == actual[i], $"type {type}, length {length}, byte {i}");
                }
            }
        }
    }

    [Fact]
    public void SumOfAbsoluteSignedBytes_MatchesScalarReference()
    {
        var random = new Random(9);
        for (int length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            if (length > 3) data[length / 2] = 0x80; // -128, the value whose absolute value overflows sbyte
            long expected = data.Sum(value => (long)Math.Abs((int)(sbyte)value));
            Assert.Equal(expected, PngFilter.SumOfAbsoluteSignedBytes(data));
        }
        Assert.Equal(128L * 4000, PngFilter.SumOfAbsoluteSignedBytes(Enumerable.Repeat((byte)0x80, 4000).ToArray()));
    }
}
