namespace Demix.Audio.Tests;

/// <summary>Bad input: one clear <see cref="AudioFormatException"/> per case, naming the file and the problem.</summary>
public sealed class WavErrorTests
{
    [Fact]
    public void Read_MissingFile_SaysItDoesNotExist()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(folder.File("nope.wav")));

        Assert.Equal(folder.File("nope.wav"), error.FilePath);
        Assert.Contains("nope.wav", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Read_Folder_SaysItIsAFolder()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(folder.Path));

        Assert.Contains("folder", error.Problem);
    }

    [Fact]
    public void Read_EmptyFile_SaysEmpty()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("empty.wav"), []);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(folder.File("empty.wav")));

        Assert.Contains("empty.wav", error.Message);
        Assert.Contains("empty (0 bytes)", error.Problem);
    }

    [Fact]
    public void Read_TruncatedRiffHeader_SaysTruncated()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).ToArray()[..10];

        AssertProblem(file, "truncated WAV header");
    }

    [Fact]
    public void Read_HeaderEndingInsideFmt_SaysTruncated()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).ToArray()[..30];

        AssertProblem(file, "ends inside the 'fmt' chunk");
    }

    [Fact]
    public void Read_NoDataChunk_SaysTruncatedOrCorrupt()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).ToArray();

        AssertProblem(file, "before any data chunk");
    }

    [Fact]
    public void Read_NotRiff_SaysNotAWav()
    {
        AssertProblem("ID3\u0004 this is an mp3 really"u8.ToArray(), "not a WAV file");
    }

    [Fact]
    public void Read_GarbageChunkId_SaysCorrupt()
    {
        byte[] file = new WavBytes().Raw([0x00, 0xFF, 0x13, 0x07, 1, 0, 0, 0]).ToArray();

        AssertProblem(file, "unreadable chunk id");
    }

    [Fact]
    public void Read_AbsurdChunkSize_NamesTheChunkAndSize()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).Chunk("LIST", new byte[4], 0x7FFF_FFF0, pad: false)
            .Chunk("data", WavBytes.Pcm16(1, 2)).ToArray();

        AssertProblem(file, "'LIST' chunk at byte 36 declares 2147483632 bytes, beyond the end of the file");
    }

    [Fact]
    public void Read_AbsurdFmtSize_SaysAbsurd()
    {
        byte[] file = new WavBytes().Chunk("fmt ", new byte[16], 1_000_000, pad: false).ToArray();

        AssertProblem(file, "'fmt' chunk declares 1000000 bytes, an absurd size");
    }

    [Fact]
    public void Read_UnsupportedCodec_NamesTheCodec()
    {
        byte[] file = new WavBytes().Fmt(0x55, 2, 44_100, 16).Chunk("data", new byte[8]).ToArray();

        AssertProblem(file, "unsupported WAV codec 0x0055 (MPEG Layer 3)");
    }

    [Fact]
    public void Read_ZeroChannels_SaysCorrupt()
    {
        byte[] file = new WavBytes().Fmt(1, 0, 44_100, 16).Chunk("data", new byte[8]).ToArray();

        AssertProblem(file, "declares 0 channels");
    }

    [Fact]
    public void Read_ZeroSampleRate_SaysCorrupt()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 0, 16).Chunk("data", new byte[8]).ToArray();

        AssertProblem(file, "sample rate of 0 Hz");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    public void Read_ZeroLengthAudio_SaysNoAudio(uint declaredSize)
    {
        byte[] half = declaredSize == 0 ? [] : [0x01];
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).Chunk("data", half, declaredSize, pad: false).ToArray();

        AssertProblem(file, "holds no audio (0 sample frames)");
    }

    [Fact]
    public void Read_DataBeforeFmt_SaysCorrupt()
    {
        byte[] file = new WavBytes().Chunk("data", new byte[4]).Fmt(1, 1, 44_100, 16).ToArray();

        AssertProblem(file, "data chunk comes before any fmt chunk");
    }

    private static void AssertProblem(byte[] file, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.wav");
        File.WriteAllBytes(path, file);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(path));

        Assert.Contains(expected, error.Problem);
        Assert.StartsWith($"'{path}': ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
