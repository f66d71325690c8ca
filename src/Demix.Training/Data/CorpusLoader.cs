using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Training.Config;

namespace Demix.Training.Data;

/// <summary>
/// Turns a <see cref="SourceConfig"/> into cached <see cref="SourceTrack"/>s at the model's rate and channel count:
/// the evaluation readers list the tracks, the <see cref="AudioCache"/> decodes each source once (resampled to the
/// model rate, e.g. MIR-1K's 16 kHz voices to 44.1 kHz) and maps it afterwards.
/// </summary>
public sealed class CorpusLoader(AudioCache cache, int sampleRate, int channels)
{
    /// <summary>The evaluation tracks of a corpus (mixture + vocals/accompaniment references).</summary>
    /// <exception cref="DirectoryNotFoundException">The root is missing or not of the layout.</exception>
    public static IReadOnlyList<EvaluationTrack> List(SourceConfig source)
    {
        ArgumentNullException.ThrowIfNull(source);
        DatasetSplit split = ParseSplit(source.Split);
        IReadOnlyList<EvaluationTrack> tracks = source.Kind switch
        {
            "musdb" => MusdbDataset.Tracks(source.Root, split),
            "dsd100" => Dsd100Dataset.Tracks(source.Root, split),
            "mir1k" => Mir1kDataset.Tracks(source.Root, split),
            "ccmixter" => CcMixterLayout.Tracks(source.Root),
            "folder" => FolderDataset.Tracks(source.Root),
            "voice" or "music" => RecordingTracks(source.Root, source.Kind == "voice" ? "vocals" : "accompaniment"),
            _ => throw new ArgumentException($"Unknown corpus layout '{source.Kind}'."),
        };
        return source.MaxTracks > 0 ? [.. tracks.Take(source.MaxTracks)] : tracks;
    }

    /// <summary>Lists and caches every track of <paramref name="source"/>.</summary>
    public IReadOnlyList<SourceTrack> Load(SourceConfig source, string corpusName)
    {
        ArgumentNullException.ThrowIfNull(source);
        return [.. List(source).Select(track => Load(track, corpusName))];
    }

    /// <summary>Caches the vocals and accompaniment of one track (whichever it has).</summary>
    public SourceTrack Load(EvaluationTrack track, string corpusName)
    {
        ArgumentNullException.ThrowIfNull(track);
        var targets = track.TargetNames.ToHashSet();
        CachedAudio? Source(string target) => targets.Contains(target)
            ? cache.GetOrDecode(track.SourceFiles, $"{corpusName}/{track.Name}/{target}/{channels}ch", sampleRate, () => Prepare(track.LoadTarget(target)))
            : null;
        return new SourceTrack(corpusName, track.Name, Source("vocals"), Source("accompaniment"));
    }

    /// <summary>Resamples to the model rate and maps to the model's channel count.</summary>
    public Waveform Prepare(Waveform waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        Waveform resampled = waveform.SampleRate == sampleRate ? waveform : SincResampler.Resample(waveform, sampleRate);
        return channels == 1 ? ChannelMap.ToMono(resampled) : ChannelMap.ToStereo(resampled);
    }

    /// <summary>The split name of a config.</summary>
    public static DatasetSplit ParseSplit(string split) => split switch
    {
        "train" => DatasetSplit.Train,
        "validation" => DatasetSplit.Validation,
        "test" => DatasetSplit.Test,
        "all" => DatasetSplit.All,
        _ => throw new ArgumentException($"Unknown split '{split}'."),
    };

    private static IReadOnlyList<EvaluationTrack> RecordingTracks(string root, string target) =>
        [.. RecordingFolder.Files(root).Select(file =>
        {
            Func<Waveform> load = () => AudioFile.Read(file);
            string name = Path.GetRelativePath(root, file);
            return new EvaluationTrack(name, "", load, new Dictionary<string, Func<Waveform>> { [target] = load }) { SourceFiles = [file] };
        })];
}
