using System.IO.Compression;
using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

public sealed class PngRoundTripTests
{
    public static TheoryData<PixelFormat, int, int> Cases()
    {
        var data = new TheoryData<PixelFormat, int, int>();
        foreach (PixelFormat format in Enum.GetValues<PixelFormat>())
        {
            data.Add(format, 1, 1);
            data.Add(format, 3, 7);
            data.Add(format, 256, 256);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EncodeDecode_RandomPixels_AreIdentical(PixelFormat format, int width, int height)
    {
        var image = new PixelImage(width, height, format);
        new Random(width * 31 + height).NextBytes(image.Data);
        PixelImage decoded = PngDecoder.Decode(PngEncoder.Encode(image));
        AssertSameImage(image, decoded);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EncodeDecode_SmoothPattern_IsIdenticalAndCompresses(PixelFormat format, int width, int height)
    {
        var image = new PixelImage(width, height, format);
        int bytesPerPixel = format.BytesPerPixel();
        for (int y = 0; y < height; y++)
        {
            for (int i = 0; i < width * bytesPerPixel; i++) image.Row(y)[i] = (byte)(i / bytesPerPixel * 3 + y * 5 + i % bytesPerPixel * 40);
        }
        byte[] file = PngEncoder.Encode(image, CompressionLevel.Fastest);
        AssertSameImage(image, PngDecoder.Decode(file));
        if (width * height >= 65536) Assert.True(file.Length < image.Data.Length / 10, $"{file.Length} bytes");
    }

    [Fact]
    public void Grey16_SetAndGet_UseBigEndianBytes()
    {
        var image = new PixelImage(2, 1, PixelFormat.Grey16);
        image.SetGrey16(1, 0, 0xBEEF);
        Assert.Equal([0, 0, 0xBE, 0xEF], image.Data);
        Assert.Equal(0xBEEF, PngDecoder.Decode(PngEncoder.Encode(image)).GetGrey16(1, 0));
        Assert.Throws<InvalidOperationException>(() => new PixelImage(1, 1, PixelFormat.Grey8).GetGrey16(0, 0));
    }

    [Fact]
    public void SaveLoad_File_RoundTripsAndLeavesNoTemporaryFile()
    {
        string folder = Directory.CreateTempSubdirectory("demix-png-").FullName;
        try
        {
            var image = new PixelImage(5, 4, PixelFormat.Rgb8);
            new Random(3).NextBytes(image.Data);
            string path = Path.Combine(folder, "image.png");
            PngEncoder.Save(image, path);
            AssertSameImage(image, PngDecoder.Load(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Encode_LargeImage_SplitsImageDataIntoBoundedChunks()
    {
        var image = new PixelImage(300, 300, PixelFormat.Rgba8);
        new Random(5).NextBytes(image.Data); // incompressible: about 360 kB of IDAT
        byte[] file = PngEncoder.Encode(image, CompressionLevel.Fastest);
        int idatCount = 0;
        for (int offset = 8; offset < file.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            if (file.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                idatCount++;
                Assert.True(length <= PngEncoder.MaxIdatBytes);
            }
            offset += 12 + length;
        }
        Assert.True(idatCount >= 5, $"{idatCount} IDAT chunks");
        AssertSameImage(image, PngDecoder.Decode(file));
    }

    [Fact]
    public void TextChunks_RoundTripAndDoNotDisturbPixels()
    {
        var image = new PixelImage(4, 3, PixelFormat.Grey8);
        new Random(8).NextBytes(image.Data);
        var text = new Dictionary<string, string> { ["demix:min-db"] = "-80", ["Comment"] = "256x256 vocals, 5 s at 44100 Hz, caf\u00e9" };
        byte[] file = PngEncoder.Encode(image, text: text);
        Assert.Equal(text, PngDecoder.ReadText(file));
        AssertSameImage(image, PngDecoder.Decode(file));
        Assert.Empty(PngDecoder.ReadText(PngEncoder.Encode(image)));
        Assert.Equal("hand made", PngDecoder.ReadText(HandMadePng.File(1, 1, 8, 0, [0, 7]))["Comment"]);
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData(" padded", "x")]
    [InlineData("key", "snow \u2603")]
    public void TextChunks_InvalidKeywordOrText_Throw(string keyword, string value)
    {
        var text = new Dictionary<string, string> { [keyword] = System.Text.RegularExpressions.Regex.Unescape(value) };
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new PixelImage(1, 1, PixelFormat.Grey8), text: text));
    }

    internal static void AssertSameImage(PixelImage expected, PixelImage actual)
    {
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        Assert.Equal(expected.Format, actual.Format);
        Assert.True(expected.Data.AsSpan().SequenceEqual(actual.Data), "pixel data differs");
    }
}
