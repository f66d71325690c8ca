namespace Demix.Audio.Tests;

public sealed class WavRoundTripTests
{
    [Theory]
    [InlineData(WavSampleFormat.Pcm8, 8)]
    [InlineData(WavSampleFormat.Pcm16, 16)]
    [InlineData(WavSampleFormat.Pcm24, 24)]
    public void Write_IntegerGridSamples_ReadBackBitExactAndRewritesSameBytes(WavSampleFormat format, int bits)
    {
        Waveform original = Signals.IntegerGrid(bits, channelCount: 2, frameCount: 5_001, seed: bits);

        byte[] first = WriteToBytes(original, format);
        Waveform decoded = WavReader.Read(new MemoryStream(first), "grid.wav");
        byte[] second = WriteToBytes(decoded, format);

        Signals.AssertIdentical(original, decoded);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_Float32_RoundTripsBitExactWithoutClipping()
    {
        Waveform original = Signals.RandomFloats(channelCount: 3, frameCount: 4_000, seed: 7);

        Waveform decoded = WavReader.Read(new MemoryStream(WriteToBytes(original, WavSampleFormat.Float32)), "f32.wav");

        Signals.AssertIdentical(original, decoded);
    }

    [Fact]
    public void Write_Pcm32_RoundTripsToFloat32Precision()
    {
        Waveform original = Signals.Sines(channelCount: 2, frameCount: 3_000, sampleRate: 44_100);

        Waveform decoded = WavReader.Read(new MemoryStream(WriteToBytes(original, WavSampleFormat.Pcm32)), "pcm32.wav");

        // 32-bit steps are 2^-31; float32 near 0.5 has steps of 2^-24, so the error is under one float32 ulp.
        Assert.True(Signals.MaxDifference(original, decoded) <= Math.Pow(2, -24));
    }

    [Fact]
    public void Write_Float64_RoundTripsFloat32ValuesExactly()
    {
        Waveform original = Signals.RandomFloats(channelCount: 2, frameCount: 2_000, seed: 8);

        Waveform decoded = WavReader.Read(new MemoryStream(WriteToBytes(original, WavSampleFormat.Float64)), "f64.wav");

        Signals.AssertIdentical(original, decoded);
    }

    [Fact]
    public void Read_Float64_GivesTheNearestFloat32()
    {
        double[] values = [0.1, -0.3333333333333333, 1e-9, 0.999999999, -1.5];
        var data = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(data.AsSpan(8 * i), values[i]);
        byte[] file = new WavBytes().Fmt(3, 1, 44_100, 64).Chunk("data", data).ToArray();

        Waveform decoded = WavReader.Read(new MemoryStream(file), "f64.wav");

        Assert.Equal(values.Select(v => (float)v).ToArray(), decoded.Channels[0]);
    }

    [Fact]
    public void Read_Pcm32_DividesBy2To31()
    {
        int[] values = [int.MinValue, int.MaxValue, 1 << 20, -123_456_789];
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(data.AsSpan(4 * i), values[i]);
        byte[] file = new WavBytes().Fmt(1, 2, 44_100, 32).Chunk("data", data).ToArray();

        Waveform decoded = WavReader.Read(new MemoryStream(file), "pcm32.wav");

        Assert.Equal(-1f, decoded.Channels[0][0]);
        Assert.Equal((float)(int.MaxValue / 2147483648.0), decoded.Channels[1][0]);
        Assert.Equal((float)((1 << 20) / 2147483648.0), decoded.Channels[0][1]);
        Assert.Equal((float)(-123_456_789 / 2147483648.0), decoded.Channels[1][1]);
    }

    [Fact]
    public void Write_ToFile_ReadBackThroughPathApi()
    {
        using var folder = new TempFolder();
        Waveform original = Signals.IntegerGrid(24, channelCount: 2, frameCount: 1_000, seed: 3);

        WavWriter.Write(folder.File("out.wav"), original, WavSampleFormat.Pcm24);
        Waveform decoded = WavReader.Read(folder.File("out.wav"));

        Signals.AssertIdentical(original, decoded);
        Assert.Equal(["out.wav"], folder.FileNames());
    }

    [Fact]
    public void Open_ReadsInSmallBlocks_SameAsWholeRead()
    {
        Waveform original = Signals.IntegerGrid(16, channelCount: 2, frameCount: 10_007, seed: 11);
        byte[] bytes = WriteToBytes(original, WavSampleFormat.Pcm16);

        using var source = new WavSource(new MemoryStream(bytes), "blocks.wav");
        var planar = new[] { new float[10_007], new float[10_007] };
        var block = new float[2 * 333];
        int frames = 0;
        for (int samples; (samples = source.Read(block)) > 0; frames += samples / 2)
        {
            Interleaving.Deinterleave(block.AsSpan(0, samples), planar, frames);
        }

        Assert.Equal(10_007L, source.FrameCount);
        Assert.Equal(10_007, frames);
        Signals.AssertIdentical(original, new Waveform(planar, original.SampleRate));
    }

    internal static byte[] WriteToBytes(Waveform waveform, WavSampleFormat format)
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, waveform.Format, format, leaveOpen: true))
        {
            writer.WriteAll(waveform);
            writer.Complete();
        }
        return stream.ToArray();
    }
}
