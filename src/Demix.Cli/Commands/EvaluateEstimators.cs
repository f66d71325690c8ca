using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Separation;
using Demix.Separation.Methods;
using Demix.Separation.Methods.Oracle;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;

namespace Demix.Cli.Commands;

/// <summary>
/// What <c>demix evaluate</c> scores, as track -> estimates by target (vocals, accompaniment): a classic method, a
/// model, an oracle (which reads the track's true sources) or the mixture itself (the baseline).
/// </summary>
internal static class EvaluateEstimators
{
    /// <summary>The name of the mixture-as-estimate baseline (vocals = accompaniment = the mixture).</summary>
    public const string MixtureBaseline = "mixture";

    private static readonly string[] MusdbSources = ["drums", "bass", "other", "vocals"];

    /// <summary>Every name <c>--method</c> accepts in evaluate.</summary>
    public static IEnumerable<string> Names => [MixtureBaseline, .. MethodRegistry.Names, .. OracleMethods.Names];

    /// <summary>The estimator of <paramref name="name"/>.</summary>
    /// <exception cref="UsageException">The name is unknown.</exception>
    public static Func<EvaluationTrack, IReadOnlyDictionary<string, Waveform>> ForMethod(string name)
    {
        if (string.Equals(name, MixtureBaseline, StringComparison.OrdinalIgnoreCase))
            return track => { Waveform mix = track.LoadMixture(); return Pair(mix, mix); };
        if (OracleMethods.Contains(name)) return Oracle(OracleMethods.Create(name));
        if (!MethodRegistry.Contains(name))
            throw new UsageException($"unknown method '{name}'; choose one of: {string.Join(", ", Names)}.");
        ISeparationMethod method = MethodRegistry.Create(name);
        return track =>
        {
            Waveform mix = track.LoadMixture();
            Waveform[] stems = InMemorySeparation.Separate(method, mix);
            return Pair(stems[Index(method.Stems, StemNames.Vocals)], stems[Index(method.Stems, StemNames.Accompaniment)]);
        };
    }

    /// <summary>The estimator of a loaded model (resampled to and from its rate; mono models get the channel mean).</summary>
    public static Func<EvaluationTrack, IReadOnlyDictionary<string, Waveform>> ForModel(ISeparationModel model)
    {
        ISeparator separator = model.CreateSeparator();
        return track =>
        {
            Waveform mix = track.LoadMixture();
            Waveform input = SincResampler.Resample(ToChannels(mix, separator.ChannelCount), separator.SampleRate ?? mix.SampleRate);
            float[][][] stems = separator.Separate(input.Channels, input.SampleRate);
            Waveform Stem(string name) => Restore(new Waveform(stems[Index(separator.Stems, name)], input.SampleRate), mix);
            return Pair(Stem(StemNames.Vocals), Stem(StemNames.Accompaniment));
        };
    }

    private static Func<EvaluationTrack, IReadOnlyDictionary<string, Waveform>> Oracle(IOracleMethod oracle) => track =>
    {
        Waveform mix = track.LoadMixture();
        string[] names = MusdbSources.All(track.TargetNames.Contains) ? MusdbSources : [StemNames.Vocals, StemNames.Accompaniment];
        var sources = names.ToDictionary(n => n, n => Fit(track.LoadTarget(n).Channels, mix));
        IReadOnlyDictionary<string, float[][]> estimates = oracle.Separate(mix.Channels, sources);
        float[][] vocals = estimates[StemNames.Vocals];
        float[][] accompaniment = Sum(names.Where(n => n != StemNames.Vocals).Select(n => estimates[n]).ToArray());
        return Pair(new Waveform(vocals, mix.SampleRate), new Waveform(accompaniment, mix.SampleRate));
    };

    private static IReadOnlyDictionary<string, Waveform> Pair(Waveform vocals, Waveform accompaniment) =>
        new Dictionary<string, Waveform> { [StemNames.Vocals] = vocals, [StemNames.Accompaniment] = accompaniment };

    private static int Index(IReadOnlyList<string> stems, string name)
    {
        for (int i = 0; i < stems.Count; i++) if (string.Equals(stems[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new UsageException($"the separator has no '{name}' stem (it has {string.Join(", ", stems)}); evaluate needs vocals and accompaniment.");
    }

    /// <summary>A reference at the mixture's channel count and length (mono references are copied to each channel).</summary>
    private static float[][] Fit(float[][] source, Waveform mix)
    {
        var fitted = new float[mix.ChannelCount][];
        for (int c = 0; c < fitted.Length; c++)
        {
            fitted[c] = new float[mix.FrameCount];
            float[] from = source[Math.Min(c, source.Length - 1)];
            Array.Copy(from, fitted[c], Math.Min(from.Length, mix.FrameCount));
        }
        return fitted;
    }

    private static float[][] Sum(float[][][] parts)
    {
        var sum = new float[parts[0].Length][];
        for (int c = 0; c < sum.Length; c++)
        {
            sum[c] = new float[parts[0][c].Length];
            foreach (float[][] part in parts) for (int n = 0; n < sum[c].Length; n++) sum[c][n] += part[c][n];
        }
        return sum;
    }

    private static Waveform ToChannels(Waveform mix, int channels)
    {
        if (mix.ChannelCount == channels) return mix;
        if (channels == 1) return new Waveform([Enumerable.Range(0, mix.FrameCount).Select(n => mix.Channels.Average(c => c[n])).ToArray()], mix.SampleRate);
        return new Waveform([.. Enumerable.Range(0, channels).Select(c => (float[])mix.Channels[Math.Min(c, mix.ChannelCount - 1)].Clone())], mix.SampleRate);
    }

    /// <summary>A stem back at the mixture's rate, channel count and length.</summary>
    private static Waveform Restore(Waveform stem, Waveform mix)
    {
        Waveform resampled = SincResampler.Resample(stem, mix.SampleRate);
        return new Waveform(Fit(resampled.Channels, mix), mix.SampleRate);
    }
}
