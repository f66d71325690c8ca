using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Tests.Models;

/// <summary>Small random-weight Open-Unmix models (reference STFT, hidden 8) with non-trivial statistics.</summary>
internal static class TinyModels
{
    public static OpenUnmixHyperParameters HyperParameters(int iterations = 1, int channels = 2, double chunkSeconds = 30, double overlapSeconds = 4) => new()
    {
        HiddenSize = 8,
        LayerCount = 2,
        ChannelCount = channels,
        WienerIterations = iterations,
        ChunkSeconds = chunkSeconds,
        OverlapSeconds = overlapSeconds,
    };

    /// <summary>A model whose input/output statistics and batch-norm state are random too, so a lost tensor shows.</summary>
    public static OpenUnmixModel Create(string name, IReadOnlyList<string> targets, OpenUnmixHyperParameters hyperParameters, int seed)
    {
        var random = new Random(seed);
        OpenUnmixModel model = OpenUnmixFamily.Create(name, targets, hyperParameters, random);
        foreach (var network in model.Networks)
        {
            foreach (var (key, tensor) in network.StateDict())
            {
                if (key.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
                bool positive = key.EndsWith("running_var", StringComparison.Ordinal) || key.EndsWith("input_scale", StringComparison.Ordinal);
                for (int i = 0; i < tensor.Length; i++)
                {
                    float u = (float)random.NextDouble();
                    tensor.Data[i] = positive ? 0.5f + u : key.Contains("weight", StringComparison.Ordinal) ? tensor.Data[i] : u - 0.3f;
                }
            }
        }
        return model;
    }

    /// <summary>Stereo test signal: a sine "voice" in the centre over noise, [2][frames].</summary>
    public static float[][] Mixture(int frames, int sampleRate, int seed)
    {
        var random = new Random(seed);
        var mix = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            mix[c] = new float[frames];
            for (int i = 0; i < frames; i++)
            {
                double voice = 0.3 * Math.Sin(2 * Math.PI * 440 * i / sampleRate) * (1 + 0.5 * Math.Sin(2 * Math.PI * 3 * i / sampleRate));
                mix[c][i] = (float)(voice + 0.1 * (random.NextDouble() * 2 - 1));
            }
        }
        return mix;
    }
}
