using Demix.Audio;

namespace Demix.Evaluation.Datasets;

/// <summary>
/// MIR-1K: 16 kHz stereo clips <c>Wavfile/&lt;singer&gt;_&lt;n&gt;_&lt;m&gt;.{wav,opus}</c> with the accompaniment in the left
/// channel and the voice in the right. Targets are mono: "vocals" (right) and "accompaniment" (left); the mixture
/// is their mono sum (0 dB voice-to-music ratio, as in Huang et al.). Train split: singers abjones and amy.
/// </summary>
public static class Mir1kDataset
{
    /// <summary>MIR-1K's sample rate; compressed clips are decoded at this rate.</summary>
    public const int SampleRate = 16000;

    private static readonly HashSet<string> TrainSingers = new(["abjones", "amy"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The clips of <paramref name="split"/> (Validation has none), sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no Wavfile folder.</exception>
    public static IReadOnlyList<EvaluationTrack> Tracks(string root, DatasetSplit split, Func<string, bool>? filter = null)
    {
        string folder = Path.Combine(root, "Wavfile");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"'{root}' is not a MIR-1K folder: it has no 'Wavfile' folder.");
        var tracks = new List<EvaluationTrack>();
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".opus", StringComparison.OrdinalIgnoreCase));
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            bool train = TrainSingers.Contains(Singer(name));
            if (split == DatasetSplit.Validation || (split == DatasetSplit.Train && !train) || (split == DatasetSplit.Test && train)) continue;
            if (filter is null || filter(name)) tracks.Add(Clip(file, name, train ? "train" : "test"));
        }
        return tracks;
    }

    /// <summary>The singer of a clip name (the part before the first underscore).</summary>
    public static string Singer(string clipName) => clipName.Split('_')[0];

    private static EvaluationTrack Clip(string file, string name, string subset)
    {
        Waveform Channel(int channel)
        {
            Waveform clip = Read(file);
            if (clip.ChannelCount != 2) throw new InvalidDataException($"MIR-1K clip '{file}' has {clip.ChannelCount} channels; expected 2.");
            return new Waveform([clip.Channels[channel]], clip.SampleRate);
        }
        var targets = new Dictionary<string, Func<Waveform>>
        {
            ["vocals"] = () => Channel(1),
            ["accompaniment"] = () => Channel(0),
        };
        return new EvaluationTrack(name, subset, () => EvaluationTrack.Sum([Channel(0), Channel(1)]), targets) { SourceFiles = [file] };
    }

    private static Waveform Read(string file) => AudioFile.IsWav(file)
        ? AudioFile.Read(file)
        : AudioFile.Read(file, new AudioReadOptions { SampleRate = SampleRate });
}
