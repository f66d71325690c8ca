using Demix.Audio;
using Demix.Training.Config;

namespace Demix.Training.Tests;

/// <summary>
/// A synthetic corpus in the generic folder layout (tracks of a harmonic "voice" over a chord and noise "music",
/// 8 kHz stereo, 2 s) and a tiny Open-Unmix config on it, so whole runs take well under a second per step.
/// </summary>
internal sealed class TinyRun : IDisposable
{
    public const int SampleRate = 8000;

    public TinyRun(int trackCount = 3)
    {
        Root = Path.Combine(Path.GetTempPath(), "demix-training-" + Guid.NewGuid().ToString("N")[..12]);
        Data = Path.Combine(Root, "data");
        for (int t = 0; t < trackCount; t++) WriteTrack(Path.Combine(Data, $"track{t}"), t);
        Cache = Path.Combine(Root, "cache");
    }

    public string Root { get; }

    public string Data { get; }

    public string Cache { get; }

    public string RunDirectory(string name) => Path.Combine(Root, "runs", name);

    public TrainingConfig Config(int maxSteps = 6, bool validation = false, int workers = 1) => new()
    {
        Name = "tiny",
        Seed = 7,
        Model = new ModelConfig
        {
            Family = "open-unmix",
            OpenUnmix = new OpenUnmixConfig { SampleRate = SampleRate, FftSize = 256, HopSize = 128, BandwidthHz = 3000, HiddenSize = 8, LayerCount = 2, LstmDropout = 0.3f },
        },
        Data = new DataConfig
        {
            Sources = [new SourceConfig { Kind = "folder", Root = Data }],
            Validation = validation ? new SourceConfig { Kind = "folder", Root = Data, MaxTracks = 2 } : null,
            ChunkSeconds = 0.5,
            BatchSize = 2,
            Cache = Cache,
        },
        Augment = new AugmentConfig { PolarityFlip = true },
        Optimizer = new OptimizerConfig { Kind = "adamw", LearningRate = 0.01f, WeightDecay = 0.01f, Schedule = "cosine", WarmupSteps = 2, GradientClipNorm = 5 },
        Training = new LoopConfig { MaxSteps = maxSteps, ValidateEvery = 3, CheckpointEvery = 2, Workers = workers, PrefetchBatches = 2 },
    };

    public static float[][] Tone(int frames, double hz, double amplitude, int seed)
    {
        var random = new Random(seed);
        var channels = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            channels[c] = new float[frames];
            for (int n = 0; n < frames; n++)
            {
                double t = (double)n / SampleRate;
                channels[c][n] = (float)(amplitude * (Math.Sin(2 * Math.PI * hz * t) + 0.5 * Math.Sin(2 * Math.PI * 2 * hz * t)) * (1 + 0.2 * c)
                    + 0.01 * (random.NextDouble() - 0.5));
            }
        }
        return channels;
    }

    private static void WriteTrack(string folder, int index)
    {
        Directory.CreateDirectory(folder);
        int frames = 2 * SampleRate;
        float[][] vocals = Tone(frames, 300 + 40 * index, 0.2, index);
        float[][] accompaniment = Tone(frames, 110 + 10 * index, 0.3, 100 + index);
        float[][] mixture = [.. vocals.Select((v, c) => v.Select((x, n) => x + accompaniment[c][n]).ToArray())];
        AudioFile.Write(Path.Combine(folder, "vocals.wav"), new Waveform(vocals, SampleRate));
        AudioFile.Write(Path.Combine(folder, "accompaniment.wav"), new Waveform(accompaniment, SampleRate));
        AudioFile.Write(Path.Combine(folder, "mixture.wav"), new Waveform(mixture, SampleRate));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
