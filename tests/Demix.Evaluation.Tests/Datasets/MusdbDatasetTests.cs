using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Tests.BssEval;
using Demix.Tests.Shared;

namespace Demix.Evaluation.Tests.Datasets;

public sealed class MusdbDatasetTests
{
    private static string Root => RepositoryPaths.Data("musdb18-7");

    [Fact]
    public void ValidationList_Yaml_HasTheFourteenStandardTracks()
    {
        IReadOnlyList<string> list = MusdbValidationList.Load(Path.Combine(Root, "musdb_config_mus.yaml"));
        Assert.Equal(MusdbValidationList.Standard, list);
    }

    [Fact]
    public void Tracks_Splits_PartitionThePreviewTrainingSet()
    {
        var all = MusdbDataset.Tracks(Root, DatasetSplit.All);
        var train = MusdbDataset.Tracks(Root, DatasetSplit.Train);
        var validation = MusdbDataset.Tracks(Root, DatasetSplit.Validation);

        Assert.Equal(94, all.Count);
        Assert.Equal(14, validation.Count);
        Assert.Equal(all.Count, train.Count + validation.Count);
        Assert.All(validation, t => Assert.Contains(t.Name, MusdbValidationList.Standard));
        Assert.Empty(MusdbDataset.Tracks(Root, DatasetSplit.Test));
        Assert.Single(MusdbDataset.Tracks(Root, DatasetSplit.All, filter: name => name.StartsWith("Music Delta - 80s", StringComparison.Ordinal)));
    }

    [Fact]
    public void LoadTarget_StemFile_ReproducesTheFixtureDecodeExactly()
    {
        EvaluationTrack track = MusdbDataset.Tracks(Root, DatasetSplit.All, filter: n => n == "Music Delta - 80s Rock").Single();

        Waveform vocals = track.LoadTarget("vocals");
        Waveform accompaniment = track.LoadTarget("accompaniment");

        foreach (var (actual, file) in new[] { (vocals, "ref_vocals.wav"), (accompaniment, "ref_accompaniment.wav") })
        {
            Waveform expected = WavReader.Read(FixtureFiles.BssEval("museval_regression_80s_rock", file));
            Assert.Equal(expected.FrameCount, actual.FrameCount);
            for (int c = 0; c < 2; c++) Assert.Equal(expected.Channels[c], actual.Channels[c]);
        }
        Assert.Throws<KeyNotFoundException>(() => track.LoadTarget("piano"));
    }

    [Fact]
    public void Tracks_NotAMusdbFolder_ThrowsNamingIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => MusdbDataset.Tracks(Path.GetTempPath(), DatasetSplit.All));
        Assert.Contains("MUSDB18", error.Message, StringComparison.Ordinal);
    }
}
