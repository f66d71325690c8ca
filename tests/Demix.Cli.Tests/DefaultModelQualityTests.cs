using System.Text.Json;
using Demix.Cli.Tests.Support;
using Demix.Separation.Models;
using Demix.Tests.Shared;

namespace Demix.Cli.Tests;

/// <summary>
/// A floor under the shipped model's quality: on three MUSDB validation previews it must beat thresholds well below
/// what the stand-in model reaches (vocals 4.6-4.8 dB, accompaniment 7.9-9.5 dB SDR per track), so that any better
/// model passes and a broken one (wrong weights, lost Wiener or augmentation, misaligned shifts) fails.
/// </summary>
public sealed class DefaultModelQualityTests
{
    private const double VocalsFloorDb = 2.0;
    private const double AccompanimentFloorDb = 5.0;

    [Fact]
    public void DefaultModel_OnThreeValidationPreviews_BeatsTheSdrFloor()
    {
        string root = RepositoryPaths.Data("musdb18-7");
        using var folder = new TestFolder();

        CliRun run = CliRun.Of("evaluate", "--dataset", "musdb", "--root", root, "--split", "valid",
            "--tracks", "James May,Leaf - Summerghost,Alexander Ross", "--metrics", "sdr",
            "--model", DefaultModel.CardPath(), "--output", folder["scores"]);

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument aggregate = JsonDocument.Parse(File.ReadAllText(folder["scores/aggregate.json"]));
        double Median(string target) => aggregate.RootElement.GetProperty("scores").EnumerateArray()
            .Single(s => s.GetProperty("target").GetString() == target && s.GetProperty("metric").GetString() == "SDR")
            .GetProperty("median").GetDouble();
        Assert.True(Median("vocals") > VocalsFloorDb, $"vocals SDR {Median("vocals"):F2} dB is not above {VocalsFloorDb} dB");
        Assert.True(Median("accompaniment") > AccompanimentFloorDb, $"accompaniment SDR {Median("accompaniment"):F2} dB is not above {AccompanimentFloorDb} dB");
    }
}
