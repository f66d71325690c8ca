using BenchmarkDotNet.Attributes;
using Demix.Audio;
using Demix.Separation.Demo;
using Demix.Separation.Methods;
using Demix.Separation.Pipeline;

namespace Demix.Benchmarks.Separation;

/// <summary>
/// The classic methods on a 3-minute stereo 44.1 kHz song (the synthetic demo song), in memory: the method
/// stream only, no decoding or encoding. Real-time factor = 180 s / mean. Targets (issue 2):
/// karaoke-invert >= 500x, center >= 100x, repet-sim >= 20x. Run with
/// <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --filter *ClassicMethods*</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ClassicMethodsBenchmark
{
    private const int SampleRate = 44100;
    private const double DurationSeconds = 180;
    private const int BlockFrames = 32768;
    private Waveform song = null!;
    private float[][] block = null!;

    /// <summary>The method under test.</summary>
    [Params("karaoke-invert", "center", "repet-sim")]
    public string Method { get; set; } = "";

    /// <summary>Synthesises the song once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        song = DemoSong.Synthesize(new Random(2026), SampleRate, DurationSeconds).Mixture;
        block = [new float[BlockFrames], new float[BlockFrames]];
    }

    /// <summary>Separates the whole song block by block into a sink that only counts frames.</summary>
    [Benchmark]
    public long Separate()
    {
        ISeparationStream stream = MethodRegistry.Create(Method).Open(SampleRate);
        var sink = new CountingSink();
        for (int start = 0; start < song.FrameCount; start += BlockFrames)
        {
            int frames = Math.Min(BlockFrames, song.FrameCount - start);
            Array.Copy(song.Channels[0], start, block[0], 0, frames);
            Array.Copy(song.Channels[1], start, block[1], 0, frames);
            stream.Push(block, frames, sink);
        }
        stream.Finish(sink);
        return sink.Frames;
    }

    private sealed class CountingSink : IStemBlockSink
    {
        public long Frames { get; private set; }

        public void Write(float[][][] stems, int frameCount) => Frames += frameCount;
    }
}
