using Demix.Audio;

namespace Demix.Evaluation.Datasets;

/// <summary>Which part of a data set to use.</summary>
public enum DatasetSplit
{
    /// <summary>Training tracks (MUSDB18: the train folder minus the 14 validation tracks; DSD100: Dev; MIR-1K: abjones and amy).</summary>
    Train,

    /// <summary>MUSDB18's 14 standard validation tracks (from <c>musdb_config_mus.yaml</c>).</summary>
    Validation,

    /// <summary>Test tracks (MUSDB18 test folder, DSD100 Test, MIR-1K all singers but abjones and amy).</summary>
    Test,

    /// <summary>Every track.</summary>
    All,
}

/// <summary>
/// One track of an evaluation data set: its name and how to load its mixture and its reference targets
/// (for example "vocals" and "accompaniment"). Audio is loaded on demand, planar float32.
/// </summary>
public sealed class EvaluationTrack
{
    private readonly Func<Waveform> mixture;
    private readonly IReadOnlyDictionary<string, Func<Waveform>> targets;

    /// <summary>Describes a track; the loaders run when <see cref="LoadMixture"/> / <see cref="LoadTarget"/> are called.</summary>
    public EvaluationTrack(string name, string subset, Func<Waveform> mixture, IReadOnlyDictionary<string, Func<Waveform>> targets)
    {
        Name = name;
        Subset = subset;
        this.mixture = mixture;
        this.targets = targets;
    }

    /// <summary>Track name (museval's JSON file name).</summary>
    public string Name { get; }

    /// <summary>The data set's own subset name ("train", "test", "Dev", ...).</summary>
    public string Subset { get; }

    /// <summary>The files the track is decoded from (the training cache keys on their size and time); empty when unknown.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Names of the targets that have references.</summary>
    public IEnumerable<string> TargetNames => targets.Keys;

    /// <summary>Decodes the mixture.</summary>
    public Waveform LoadMixture() => mixture();

    /// <summary>Decodes a reference target.</summary>
    /// <exception cref="KeyNotFoundException">The track has no such target; the message lists the ones it has.</exception>
    public Waveform LoadTarget(string target)
    {
        if (!targets.TryGetValue(target, out var load))
            throw new KeyNotFoundException($"Track '{Name}' has no target '{target}' (it has {string.Join(", ", targets.Keys)}).");
        return load();
    }

    /// <summary>Sum of waveforms (float64 accumulation, then float32), as MUSDB's accompaniment = drums + bass + other.</summary>
    public static Waveform Sum(IReadOnlyList<Waveform> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("Nothing to sum.", nameof(parts));
        Waveform first = parts[0];
        var channels = new float[first.ChannelCount][];
        for (int c = 0; c < channels.Length; c++)
        {
            channels[c] = new float[first.FrameCount];
            for (int n = 0; n < first.FrameCount; n++)
            {
                double sum = 0;
                foreach (Waveform part in parts) sum += n < part.FrameCount ? part.Channels[Math.Min(c, part.ChannelCount - 1)][n] : 0;
                channels[c][n] = (float)sum;
            }
        }
        return new Waveform(channels, first.SampleRate);
    }
}
