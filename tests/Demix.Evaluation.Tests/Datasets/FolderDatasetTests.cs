using Demix.Audio;
using Demix.Evaluation.Datasets;

namespace Demix.Evaluation.Tests.Datasets;

public sealed class FolderDatasetTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"demix-eval-datasets-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void WriteWav(string path, float value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AudioFile.Write(path, new Waveform([Enumerable.Repeat(value, 100).ToArray(), Enumerable.Repeat(-value, 100).ToArray()], 8000));
    }

    [Fact]
    public void Dsd100_Tracks_SumStemsIntoAccompaniment()
    {
        foreach (var (subset, track) in new[] { ("Dev", "A"), ("Test", "B"), ("Test", "C") })
        {
            WriteWav(Path.Combine(root, "Mixtures", subset, track, "mixture.wav"), 0.5f);
            WriteWav(Path.Combine(root, "Sources", subset, track, "vocals.wav"), 0.125f);
            WriteWav(Path.Combine(root, "Sources", subset, track, "drums.wav"), 0.25f);
            WriteWav(Path.Combine(root, "Sources", subset, track, "bass.wav"), 0.0625f);
            WriteWav(Path.Combine(root, "Sources", subset, track, "other.wav"), 0.0625f);
        }

        Assert.Equal(["A"], Dsd100Dataset.Tracks(root, DatasetSplit.Train).Select(t => t.Name));
        var test = Dsd100Dataset.Tracks(root, DatasetSplit.Test);
        Assert.Equal(["B", "C"], test.Select(t => t.Name));
        Waveform accompaniment = test[0].LoadTarget("accompaniment");
        Assert.Equal(0.375f, accompaniment.Channels[0][10]);
        Assert.Equal(-0.375f, accompaniment.Channels[1][10]);
    }

    [Fact]
    public void Folder_Tracks_NeedAMixtureAndOfferTheTargetsPresent()
    {
        WriteWav(Path.Combine(root, "song1", "mixture.wav"), 0.5f);
        WriteWav(Path.Combine(root, "song1", "vocals.wav"), 0.25f);
        WriteWav(Path.Combine(root, "song2", "vocals.wav"), 0.25f);

        var tracks = FolderDataset.Tracks(root);

        EvaluationTrack track = Assert.Single(tracks);
        Assert.Equal("song1", track.Name);
        Assert.Equal(["vocals"], track.TargetNames);
        Assert.Equal(0.25f, track.LoadTarget("vocals").Channels[0][0]);
    }
}
