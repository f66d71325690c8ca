using System.Text;
using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

public sealed class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_GivesPublishedValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_IendChunkType_MatchesEveryPngTrailer()
    {
        // Every PNG ends with 00 00 00 00 'IEND' AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Append_SplitInput_EqualsWholeInput()
    {
        byte[] text = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        Assert.Equal(0x414FA339u, Crc32.Compute(text));
        for (int split = 0; split <= text.Length; split += 7)
        {
            Assert.Equal(Crc32.Compute(text), Crc32.Append(Crc32.Compute(text.AsSpan(0, split)), text.AsSpan(split)));
        }
    }
}
