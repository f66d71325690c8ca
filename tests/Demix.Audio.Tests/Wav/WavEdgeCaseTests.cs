namespace Demix.Audio.Tests;

/// <summary>Valid but unusual WAVs that must simply work.</summary>
public sealed class WavEdgeCaseTests
{
    private static readonly byte[] FourSamples = WavBytes.Pcm16(16384, -16384, 1, -32768);
    private static readonly float[] FourValues = [0.5f, -0.5f, 1f / 32768, -1f];

    [Fact]
    public void Read_UnknownChunksWithOddSizes_AreSkippedWithTheirPadByte()
    {
        byte[] file = new WavBytes()
            .Chunk("LIST", new byte[7])
            .Fmt(1, 1, 44_100, 16)
            .Chunk("bext", new byte[3])
            .Chunk("data", FourSamples)
            .Chunk("id3 ", new byte[5])
            .ToArray();

        Assert.Equal(FourValues, Read(file).Channels[0]);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    public void Read_StreamedDataSize_ReadsToEndOfFile(uint declaredSize)
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).Chunk("data", FourSamples, declaredSize, pad: false).ToArray();

        Assert.Equal(FourValues, Read(file).Channels[0]);
        using var source = new WavSource(new MemoryStream(file), "streamed.wav");
        Assert.Equal(4L, source.FrameCount);
    }

    [Fact]
    public void Read_StreamedWavFromPipe_HasUnknownLengthAndReadsAll()
    {
        byte[] file = new WavBytes().Fmt(1, 2, 44_100, 16).Chunk("data", FourSamples, uint.MaxValue, pad: false).ToArray();

        using var source = new WavSource(new NonSeekableStream(file), "pipe.wav");
        Waveform waveform = source.ReadAll();

        Assert.Null(source.FrameCount);
        Assert.Equal([0.5f, 1f / 32768], waveform.Channels[0]);
        Assert.Equal([-0.5f, -1f], waveform.Channels[1]);
    }

    [Fact]
    public void Read_DataChunkLongerThanFile_ReadsTheWholeFramesThatExist()
    {
        byte[] data = [.. FourSamples, 0x12]; // plus half a frame
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).Chunk("data", data, 1000, pad: false).ToArray();

        Assert.Equal(FourValues, Read(file).Channels[0]);
    }

    [Fact]
    public void Read_Extensible24BitSixChannels_DecodesEveryChannel()
    {
        var data = new byte[6 * 3];
        for (int c = 0; c < 6; c++) data[3 * c + 2] = (byte)(c * 16); // top byte: value c * 16 / 128
        byte[] file = new WavBytes().FmtExtensible(1, 6, 48_000, 24, 24).Chunk("data", data).ToArray();

        Waveform waveform = Read(file);

        Assert.Equal(6, waveform.ChannelCount);
        for (int c = 0; c < 6; c++) Assert.Equal(c * 16 / 128f, waveform.Channels[c][0]);
    }

    [Fact]
    public void Read_ExtensibleFloatAnd20BitsIn24_UseTheSubFormat()
    {
        byte[] floats = [.. BitConverter.GetBytes(0.25f), .. BitConverter.GetBytes(-2f)];
        byte[] floatFile = new WavBytes().FmtExtensible(3, 2, 44_100, 32, 32).Chunk("data", floats).ToArray();
        byte[] pcm20 = [0x00, 0x00, 0x40, 0xF0, 0xFF, 0xFF]; // 0.5 and -16/2^23 (20 valid bits, left-justified)
        byte[] pcmFile = new WavBytes().FmtExtensible(1, 2, 44_100, 24, 20).Chunk("data", pcm20).ToArray();

        Assert.Equal([0.25f], Read(floatFile).Channels[0]);
        Assert.Equal([-2f], Read(floatFile).Channels[1]);
        Assert.Equal([0.5f], Read(pcmFile).Channels[0]);
        Assert.Equal([-16f / 8388608], Read(pcmFile).Channels[1]);
    }

    [Fact]
    public void Read_Rf64WithDs64_UsesTheDs64DataSize()
    {
        var ds64 = new byte[28];
        BitConverter.TryWriteBytes(ds64.AsSpan(8), 6L); // data size: 3 of the 4 samples
        BitConverter.TryWriteBytes(ds64.AsSpan(16), 3L);
        byte[] file = new WavBytes("RF64").Chunk("ds64", ds64).Fmt(1, 1, 44_100, 16)
            .Chunk("data", FourSamples, uint.MaxValue, pad: false).ToArray();

        Assert.Equal(FourValues[..3], Read(file).Channels[0]);
        Assert.True(new WavSource(new MemoryStream(file), "rf64.wav").Header.IsRf64);
    }

    [Fact]
    public void Read_OneSampleFile_IsValid()
    {
        byte[] file = new WavBytes().Fmt(1, 1, 44_100, 16).Chunk("data", WavBytes.Pcm16(-8192)).ToArray();

        Waveform waveform = Read(file);

        Assert.Equal(1, waveform.FrameCount);
        Assert.Equal(-0.25f, waveform.Channels[0][0]);
    }

    [Fact]
    public void Read_DigitalSilence_IsAllZeros()
    {
        byte[] file = new WavBytes().Fmt(1, 2, 44_100, 16).Chunk("data", new byte[4 * 1000]).ToArray();

        Waveform waveform = Read(file);

        Assert.Equal(1000, waveform.FrameCount);
        Assert.All(waveform.Channels, channel => Assert.All(channel, sample => Assert.Equal(0f, sample)));
    }

    [Theory]
    [InlineData(8_000, 1)]
    [InlineData(192_000, 2)]
    [InlineData(44_100, 6)]
    public void WriteRead_UnusualRatesAndChannelCounts_KeepRateChannelsAndSamples(int sampleRate, int channelCount)
    {
        using var folder = new TempFolder();
        Waveform original = Signals.Sines(channelCount, frameCount: sampleRate / 10, sampleRate);

        WavWriter.Write(folder.File("x.wav"), original, WavSampleFormat.Float32);
        WavHeader header = WavReader.ReadHeader(folder.File("x.wav"));

        Signals.AssertIdentical(original, WavReader.Read(folder.File("x.wav")));
        Assert.Equal(channelCount > 2, header.IsExtensible);
    }

    [Fact]
    public void Write_OddDataLength_IsPaddedAndReadsBack()
    {
        var original = new Waveform([[0.5f, -0.25f, 0f]], 8_000);
        byte[] bytes = WavRoundTripTests.WriteToBytes(original, WavSampleFormat.Pcm8);

        Assert.Equal(0, bytes.Length % 2);
        Signals.AssertIdentical(original, Read(bytes));
    }

    private static Waveform Read(byte[] file) => WavReader.Read(new MemoryStream(file), "test.wav");
}
