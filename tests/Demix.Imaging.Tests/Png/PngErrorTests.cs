using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

public sealed class PngErrorTests
{
    private static byte[] ValidFile() =>
        HandMadePng.File(4, 2, 8, 2, HandMadePng.Filter([new byte[12], new byte[12]], 3, _ => 0));

    private static PngFormatException DecodeFails(byte[] file)
    {
        var error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(file, "song.png"));
        Assert.StartsWith("song.png: ", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Decode_BadSignature_SaysNotPng()
    {
        byte[] file = ValidFile();
        file[1] = (byte)'J';
        Assert.Contains("bad signature", DecodeFails(file).Message, StringComparison.Ordinal);
        Assert.Contains("bad signature", DecodeFails([]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_CorruptedByte_ReportsBadCrcWithChunkName()
    {
        byte[] file = ValidFile();
        int idat = IndexOf(file, "IDAT"u8);
        file[idat + 10] ^= 0x40;
        Assert.Contains("bad CRC in chunk 'IDAT'", DecodeFails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryTruncation_FailsClearly()
    {
        byte[] file = ValidFile();
        for (int length = 0; length < file.Length; length++)
        {
            PngFormatException error = DecodeFails(file[..length]);
            Assert.Matches("truncated|signature", error.Problem);
        }
    }

    [Fact]
    public void Decode_UnsupportedColourType_NamesIt()
    {
        byte[] file = HandMadePng.File(1, 1, 8, 5, [0, 0]);
        Assert.Contains("unsupported colour type 5", DecodeFails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidBitDepth_NamesIt()
    {
        byte[] file = HandMadePng.File(1, 1, 4, 2, [0, 0]);
        Assert.Contains("bit depth 4 is not valid for colour type 2", DecodeFails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownFilterType_NamesRow()
    {
        byte[] raw = HandMadePng.Filter([new byte[3], new byte[3]], 3, _ => 0);
        raw[4] = 7; // filter byte of row 1
        Assert.Contains("unknown filter type 7 on row 1", DecodeFails(HandMadePng.File(1, 2, 8, 2, raw)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TooLittleImageData_ReportsTruncatedData()
    {
        byte[] file = HandMadePng.File(4, 2, 8, 2, HandMadePng.Filter([new byte[12]], 3, _ => 0));
        Assert.Contains("truncated image data", DecodeFails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GarbageInsideIdat_ReportsCorruptZlib()
    {
        byte[] file = HandMadePng.File(4, 2, 8, 2, HandMadePng.Filter([new byte[12], new byte[12]], 3, _ => 0));
        int idat = IndexOf(file, "IDAT"u8);
        int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(idat - 4));
        byte[] garbage = [0x78, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] rebuilt = [.. file[..(idat - 4)], .. HandMadePng.Chunk("IDAT", garbage), .. file[(idat + 8 + length)..]];
        Assert.Matches("corrupt compressed image data|truncated image data", DecodeFails(rebuilt).Problem);
    }

    [Theory]
    [InlineData(1 << 20, 1 << 20, "image too large")]
    [InlineData(0, 5, "unsupported image size 0x5")]
    [InlineData(-1, 5, "unsupported image size 4294967295x5")]
    public void Decode_AbsurdSize_IsRefusedBeforeAllocating(int width, int height, string expected)
    {
        byte[] file = HandMadePng.File(width, height, 8, 6, [0, 0, 0, 0, 0]);
        Assert.Contains(expected, DecodeFails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ChunkBeforeHeaderOrUnknownCriticalChunk_IsRefused()
    {
        byte[] file = ValidFile();
        byte[] noHeader = [.. HandMadePng.Signature, .. HandMadePng.Chunk("IDAT", [1, 2]), .. file[8..]];
        Assert.Contains("first chunk is 'IDAT'", DecodeFails(noHeader).Message, StringComparison.Ordinal);
        int afterHeader = 8 + 12 + 13;
        byte[] critical = [.. file[..afterHeader], .. HandMadePng.Chunk("QxYZ", [1]), .. file[afterHeader..]];
        Assert.Contains("unsupported critical chunk 'QxYZ'", DecodeFails(critical).Message, StringComparison.Ordinal);
        byte[] ancillary = [.. file[..afterHeader], .. HandMadePng.Chunk("qxYZ", [1]), .. file[afterHeader..]];
        Assert.Equal(4, PngDecoder.Decode(ancillary).Width);
    }

    [Fact]
    public void Decode_PaletteImageWithoutPalette_SaysSo()
    {
        Assert.Contains("without a PLTE", DecodeFails(HandMadePng.File(1, 1, 8, 3, [0, 0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFileAndBadFile_NameThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"demix-not-png-{Environment.ProcessId}.png");
        File.WriteAllText(path, "hello");
        try
        {
            var error = Assert.Throws<PngFormatException>(() => PngDecoder.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => PngDecoder.Load(path));
    }

    private static int IndexOf(byte[] file, ReadOnlySpan<byte> type) => file.AsSpan().IndexOf(type);
}
