using System.Buffers.Binary;

namespace Demix.Audio.Tests;

public sealed class WavWriterTests
{
    [Fact]
    public void Write_Pcm16_RoundsToNearestAndClipsToFullScale()
    {
        float[] input = [1f, -1f, 2f, -2f, 0.5f / 32768, 1.5f / 32768, 0.49f / 32768, float.NaN, float.PositiveInfinity];
        short[] expected = [32767, -32768, 32767, -32768, 0, 2, 0, 0, 32767];

        byte[] bytes = WavRoundTripTests.WriteToBytes(new Waveform([input], 44_100), WavSampleFormat.Pcm16);
        short[] written = ReadData(bytes, input.Length, 2).Select(b => BinaryPrimitives.ReadInt16LittleEndian(b)).ToArray();

        Assert.Equal(expected, written);
    }

    [Fact]
    public void Write_Pcm24And8_ClipAtTheirFullScale()
    {
        float[] input = [1f, -1.5f, 0.25f];

        byte[] pcm24 = WavRoundTripTests.WriteToBytes(new Waveform([input], 44_100), WavSampleFormat.Pcm24);
        byte[] pcm8 = WavRoundTripTests.WriteToBytes(new Waveform([input], 44_100), WavSampleFormat.Pcm8);

        Assert.Equal([0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0x00, 0x00, 0x20], ReadData(pcm24, 3, 3).SelectMany(b => b).ToArray());
        Assert.Equal([255, 0, 160], ReadData(pcm8, 3, 1).SelectMany(b => b).ToArray());
    }

    [Fact]
    public void Write_NonSeekableStream_WritesAStreamedWavThatReadsBack()
    {
        var original = Signals.IntegerGrid(16, channelCount: 2, frameCount: 100, seed: 5);
        var pipe = new NonSeekableStream();

        using (var writer = new WavWriter(pipe, original.Format, WavSampleFormat.Pcm16))
        {
            writer.WriteAll(original);
            writer.Complete();
        }
        byte[] bytes = pipe.Written;

        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Signals.AssertIdentical(original, WavReader.Read(new MemoryStream(bytes), "pipe.wav"));
    }

    [Fact]
    public void Write_InBlocks_EqualsWholeWrite()
    {
        var original = Signals.RandomFloats(channelCount: 2, frameCount: 1_000, seed: 9);
        var interleaved = new float[2_000];
        Interleaving.Interleave(original.Channels, 0, 1_000, interleaved);
        var stream = new MemoryStream();

        using (var writer = new WavWriter(stream, original.Format, WavSampleFormat.Float32, leaveOpen: true))
        {
            for (int start = 0; start < 2_000; start += 374) writer.Write(interleaved.AsSpan(start, Math.Min(374, 2_000 - start)));
            writer.Complete();
            Assert.Equal(1_000, writer.FramesWritten);
        }

        Assert.Equal(WavRoundTripTests.WriteToBytes(original, WavSampleFormat.Float32), stream.ToArray());
    }

    [Fact]
    public void Write_PartialFrame_Throws()
    {
        using var writer = new WavWriter(new MemoryStream(), new AudioFormat(44_100, 2), WavSampleFormat.Pcm16);

        Assert.Throws<ArgumentException>(() => writer.Write(new float[3]));
    }

    [Fact]
    public void Create_DisposedWithoutComplete_LeavesNothingBehind()
    {
        using var folder = new TempFolder();

        using (IAudioSink sink = WavWriter.Create(folder.File("a.wav"), new AudioFormat(8_000, 1)))
        {
            sink.Write(new float[100]);
        }

        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Create_ExistingFile_RefusesUnlessOverwrite()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.wav");
        File.WriteAllText(path, "keep me");
        var waveform = Waveform.Silence(1, 10, 8_000);

        var error = Assert.Throws<AudioWriteException>(() => WavWriter.Write(path, waveform));
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Contains("already exists", error.Message);

        WavWriter.Write(path, waveform, overwrite: true);
        Assert.Equal(10, WavReader.Read(path).FrameCount);
        Assert.Equal(["a.wav"], folder.FileNames());
    }

    [Fact]
    public void Create_FolderThatCannotBeMade_SaysSo()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("file"), "a file, not a folder");
        string path = Path.Combine(folder.File("file"), "sub", "a.wav");

        var error = Assert.Throws<AudioWriteException>(() => WavWriter.Write(path, Waveform.Silence(1, 10, 8_000)));

        Assert.Contains("cannot be written", error.Problem);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Patch_OutputOver4GiB_BecomesRf64WithDs64Sizes()
    {
        var format = new AudioFormat(48_000, 2);
        byte[] header = WavHeaderWriter.Build(format, WavSampleFormat.Pcm16, reserveDs64: true);
        var stream = new MemoryStream();
        stream.Write(header);
        long dataLength = 5_000_000_000L, fileLength = header.Length + dataLength;

        WavHeaderWriter.Patch(stream, header.Length, dataLength, dataLength / 4, fileLength);
        WavHeader parsed = WavHeaderReader.Read(new NonSeekableStream(stream.ToArray()), "big.wav");

        Assert.True(parsed.IsRf64);
        Assert.Equal(dataLength, parsed.DataLength);
        Assert.Equal(header.Length, parsed.DataOffset);
        Assert.Equal(format, parsed.Format);
    }

    [Fact]
    public void Patch_SmallOutput_StaysRiffWithExactSizes()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new AudioFormat(8_000, 1), WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write(new float[10]);
            writer.Complete();
        }
        byte[] bytes = stream.ToArray();

        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(20L, WavHeaderReader.Read(new NonSeekableStream(bytes), "small.wav").DataLength);
    }

    /// <summary>The data chunk of a file our writer made, split into samples of <paramref name="bytesPerSample"/>.</summary>
    private static byte[][] ReadData(byte[] file, int sampleCount, int bytesPerSample)
    {
        int offset = file.Length - sampleCount * bytesPerSample - ((sampleCount * bytesPerSample) & 1);
        return [.. Enumerable.Range(0, sampleCount).Select(i => file.AsSpan(offset + i * bytesPerSample, bytesPerSample).ToArray())];
    }
}
