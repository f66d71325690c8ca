using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Stft;

public sealed class StreamingStftTests
{
    public static TheoryData<string, int> Cases() => new()
    {
        { "torch", 20000 }, { "torch", 3000 }, { "torch", 1500 }, { "torch", 1 },
        { "nocenter", 20000 }, { "scipy", 20000 }, { "scipy", 77 }, { "zero", 9999 },
    };

    private static StftConfig Config(string name) => name switch
    {
        "torch" => StftConfig.Torch(2048, 512),
        "nocenter" => StftConfig.Torch(2048, 512, center: false),
        "scipy" => StftConfig.Scipy(1024),
        "zero" => new StftConfig(1024, 300, WindowKind.HannPeriodic, center: true, PadMode.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_RandomBlocks_EqualsWholeSignal(string configName, int length)
    {
        StftConfig config = Config(configName);
        float[][] x = [ReferenceDft.RandomSignal(length, 11), ReferenceDft.RandomSignal(length, 12)];
        ComplexSpectrogram whole = StftTransform.Forward(x, config);
        ComplexSpectrogram streamed = StreamForward(x, config, new Random(length));
        Assert.Equal(whole.FrameCount, streamed.FrameCount);
        Assert.Equal(whole.Real, streamed.Real);
        Assert.Equal(whole.Imag, streamed.Imag);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inverse_RandomChunks_EqualsWholeInverse(string configName, int length)
    {
        StftConfig config = Config(configName);
        float[][] x = [ReferenceDft.RandomSignal(length, 13), ReferenceDft.RandomSignal(length, 14)];
        ComplexSpectrogram spec = StftTransform.Forward(x, config);
        float[][] whole = StftTransform.Inverse(spec, config, length);
        var random = new Random(length + 1);
        var stream = new StreamingIstft(config, 2, length);
        var pieces = new List<float[][]>();
        for (int t = 0; t < spec.FrameCount;)
        {
            int count = Math.Min(spec.FrameCount - t, random.Next(0, 9));
            pieces.Add(stream.Push(spec.SliceFrames(t, count)));
            t += count;
        }
        pieces.Add(stream.Complete(length));
        for (int c = 0; c < 2; c++) Assert.Equal(whole[c], pieces.SelectMany(p => p[c]).ToArray());
    }

    [Fact]
    public void Push_EmitsFramesAsSoonAsComplete()
    {
        var config = StftConfig.Torch(1024, 256);
        var stream = new StreamingStft(config, 1);
        Assert.Equal(0, stream.Push([new float[512]]).FrameCount);     // frame 0 also needs x[512]
        Assert.Equal(1, stream.Push([new float[1]]).FrameCount);
        Assert.Equal(1, stream.Push([new float[256]]).FrameCount);
        Assert.Equal(2, stream.FramesEmitted);
    }

    [Fact]
    public void Streaming_LongSignal_KeepsBuffersBounded()
    {
        // 60 blocks of 4096 samples: the whole round trip equals the whole-signal result and never holds the whole signal.
        var config = StftConfig.Torch(4096, 1024);
        float[][] x = [ReferenceDft.RandomSignal(60 * 4096, 21)];
        var forward = new StreamingStft(config, 1);
        var inverse = new StreamingIstft(config, 1);
        var output = new List<float>();
        for (int b = 0; b < 60; b++)
        {
            output.AddRange(inverse.Push(forward.Push([x[0].AsSpan(b * 4096, 4096).ToArray()]))[0]);
            Assert.True(output.Count >= b * 4096 - 4096, $"block {b}: only {output.Count} samples out");
        }
        output.AddRange(inverse.Push(forward.Complete())[0]);
        output.AddRange(inverse.Complete(x[0].Length)[0]);
        Assert.True(Compare.Rms(output.ToArray(), x[0]) < 1e-6);
    }

    [Fact]
    public void PushInterleaved_EqualsPlanarPush()
    {
        var config = StftConfig.Torch(1024, 256);
        float[][] x = [ReferenceDft.RandomSignal(5000, 31), ReferenceDft.RandomSignal(5000, 32)];
        float[] interleaved = Enumerable.Range(0, 10000).Select(i => x[i % 2][i / 2]).ToArray();
        var stream = new StreamingStft(config, 2);
        var first = stream.PushInterleaved(interleaved.AsSpan(0, 2 * 1777));
        var second = stream.PushInterleaved(interleaved.AsSpan(2 * 1777));
        var rest = stream.Complete();
        ComplexSpectrogram whole = StftTransform.Forward(x, config);
        Assert.Equal(whole.FrameCount, first.FrameCount + second.FrameCount + rest.FrameCount);
        Assert.Equal(whole.RealFrame(1, first.FrameCount).ToArray(), second.RealFrame(1, 0).ToArray());
        Assert.Throws<ArgumentException>(() => new StreamingStft(config, 2).PushInterleaved(new float[3]));
    }

    [Fact]
    public void Push_AfterComplete_Throws()
    {
        var stream = new StreamingStft(StftConfig.Torch(512, 128), 1);
        stream.Push([new float[1000]]);
        stream.Complete();
        Assert.Throws<InvalidOperationException>(() => stream.Push([new float[10]]));
    }

    private static ComplexSpectrogram StreamForward(float[][] x, StftConfig config, Random random)
    {
        var stream = new StreamingStft(config, x.Length);
        var chunks = new List<ComplexSpectrogram>();
        for (int start = 0; start < x[0].Length;)
        {
            int count = Math.Min(x[0].Length - start, random.Next(0, 3000));
            chunks.Add(stream.Push([.. x.Select(channel => channel.AsSpan(start, count).ToArray())], count));
            start += count;
        }
        chunks.Add(stream.Complete());
        return Concatenate(chunks, x.Length, config.BinCount);
    }

    private static ComplexSpectrogram Concatenate(List<ComplexSpectrogram> chunks, int channels, int bins)
    {
        int frames = chunks.Sum(s => s.FrameCount);
        var result = new ComplexSpectrogram(channels, frames, bins);
        for (int c = 0; c < channels; c++)
        {
            int t = 0;
            foreach (ComplexSpectrogram chunk in chunks)
            {
                for (int i = 0; i < chunk.FrameCount; i++, t++)
                {
                    chunk.RealFrame(c, i).CopyTo(result.RealFrame(c, t));
                    chunk.ImagFrame(c, i).CopyTo(result.ImagFrame(c, t));
                }
            }
        }
        return result;
    }
}
