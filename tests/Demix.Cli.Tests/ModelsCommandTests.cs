using System.Net;
using System.Net.Sockets;
using Demix.Audio;
using Demix.Cli.Tests.Support;
using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Cli.Tests;

/// <summary>
/// <c>demix models list|info|download</c> and <c>demix separate --model</c> with a tiny random Open-Unmix in a
/// temporary DEMIX_MODELS folder. Download runs against a closed local port: the offline case.
/// </summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly string? previousModels = Environment.GetEnvironmentVariable(ModelStore.FolderVariable);

    public ModelsCommandTests()
    {
        Environment.SetEnvironmentVariable(ModelStore.FolderVariable, folder["models"]);
        var hyperParameters = new OpenUnmixHyperParameters { HiddenSize = 8, LayerCount = 1, WienerIterations = 0 };
        ModelFile.Save(OpenUnmixFamily.Create("tiny", ["vocals"], hyperParameters, new Random(3)), folder["models"]);
        var random = new Random(1);
        float[] noise = [.. Enumerable.Range(0, 2 * 16000).Select(_ => (float)(random.NextDouble() - 0.5))];
        WavWriter.Write(folder["song.wav"], new Waveform([noise, noise], 16000), WavSampleFormat.Float32);   // 2 s stereo at 16 kHz
    }

    [Fact]
    public void List_ShowsCatalogAndCachedModels()
    {
        CliRun run = CliRun.Of("models", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("umxhq", run.Output);
        Assert.Contains("spleeter-2stems", run.Output);
        Assert.Contains("not downloaded", run.Output);
        Assert.Contains("tiny", run.Output);
        Assert.Contains(folder["models"], run.Output);
    }

    [Fact]
    public void Info_ByName_ShowsTheCard()
    {
        CliRun run = CliRun.Of("models", "info", "tiny");
        CliRun json = CliRun.Of("models", "info", folder["models/tiny.safetensors"], "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("open-unmix", run.Output);
        Assert.Contains("vocals, accompaniment", run.Output);
        Assert.Equal("tiny", ModelCardJson.Deserialize(json.Output, "stdout").Name);
    }

    [Fact]
    public void Separate_WithModelNameAndPath_WritesTheModelsStems()
    {
        CliRun byName = CliRun.Of("separate", folder["song.wav"], "--model", "tiny", "-o", folder["out"], "-q");
        CliRun byPath = CliRun.Of("separate", folder["song.wav"], "--model", folder["models/tiny.json"], "-o", folder["out2"], "-q");

        Assert.True(byName.ExitCode == 0, byName.Error);
        Assert.Equal(0, byPath.ExitCode);
        Assert.Equal(["song/accompaniment.wav", "song/vocals.wav"], folder.FilesUnder("out"));
        Waveform vocals = AudioFile.Read(folder["out/song/vocals.wav"]);
        Assert.Equal(new AudioFormat(16000, 2), vocals.Format);
        Assert.Equal(32000, vocals.FrameCount);
    }

    [Fact]
    public void Separate_WithUnknownModel_IsAUsageError()
    {
        CliRun run = CliRun.Of("separate", folder["song.wav"], "--model", "umxhq", "-o", folder["out"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("demix models download umxhq", run.Error);
    }

    [Fact]
    public void Download_Offline_FailsWithAClearMessage_AndInstallsNothing()
    {
        CliRun run = CliRun.Of("models", "download", "umxhq", "--base-url", $"http://127.0.0.1:{ClosedPort()}/m");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot reach 127.0.0.1", run.Error);
        Assert.DoesNotContain(folder.FilesUnder("models"), f => f.StartsWith("umxhq", StringComparison.Ordinal));
    }

    [Fact]
    public void Download_UnknownName_ListsTheDownloadableModels()
    {
        CliRun run = CliRun.Of("models", "download", "demucs");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("umxhq, umxl, spleeter-2stems", run.Error);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ModelStore.FolderVariable, previousModels);
        folder.Dispose();
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
