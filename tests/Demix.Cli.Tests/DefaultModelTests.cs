using System.Diagnostics;
using System.Text.Json;
using Demix.Cli.Tests.Support;
using Demix.Separation.Models;

namespace Demix.Cli.Tests;

/// <summary><c>demix separate</c> with the shipped default model: chosen when no --model/--method, and a clean refusal when it is broken.</summary>
public sealed class DefaultModelTests
{
    private static string ShippedName => ModelCardJson.Read(DefaultModel.CardPath()).Name;

    [Fact]
    public void Separate_WithoutModelOrMethod_UsesTheDefaultModelBesideTheExecutable()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 22050);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument report = JsonDocument.Parse(run.Output);
        Assert.Equal(ModelMethod.NamePrefix + ShippedName, report.RootElement.GetProperty("method").GetString());
        Assert.Equal(["song/accompaniment.wav", "song/vocals.wav"], folder.FilesUnder("out"));
    }

    [Fact]
    public void Separate_WithMethodCenter_StillRunsTheClassicMethod()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "--json", "--method", "center");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument report = JsonDocument.Parse(run.Output);
        Assert.Equal("center", report.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void ModelsListAndInfo_ShowTheShippedModel()
    {
        CliRun list = CliRun.Of("models", "list");
        CliRun info = CliRun.Of("models", "info", "default", "--json");

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains("shipped", list.Output, StringComparison.Ordinal);
        Assert.Contains(ShippedName, list.Output, StringComparison.Ordinal);
        Assert.True(info.ExitCode == 0, info.Error);
        Assert.Equal(ShippedName, JsonDocument.Parse(info.Output).RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("--shifts", "1")]
    [InlineData("--swap", "true")]
    [InlineData("--wiener-iterations", "0")]
    public void InferenceOptions_WithAClassicMethod_AreAUsageError(string option, string value)
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "-q", "--method", "center", option, value);

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Empty(folder.FilesUnder("out"));
    }

    [Fact]
    public void InferenceOptions_OnTheDefaultModel_WriteBothStems()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 22050);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "-q", "--swap", "--shifts", "1", "--wiener-iterations", "0");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["song/accompaniment.wav", "song/vocals.wav"], folder.FilesUnder("out"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public void BrokenDefaultModel_ExitsWithUsageError_NamesTheFile_AndWritesNoStems(string damage)
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);
        string install = CopyInstallation(folder["install"]);
        string weights = Path.Combine(install, DefaultModel.FolderName, DefaultModel.FileStem + ModelFile.WeightsExtension);
        if (damage == "missing") File.Delete(weights);
        else File.WriteAllBytes(weights, [.. Enumerable.Range(0, 256).Select(i => (byte)(255 - i))]);

        var (exitCode, error) = RunInstalled(install, "separate", input, "-o", folder["out"], "-q");

        Assert.Equal(ExitCodes.UserError, exitCode);
        Assert.Contains(weights, error, StringComparison.Ordinal);
        Assert.Contains("--method center", error, StringComparison.Ordinal);
        Assert.Empty(folder.FilesUnder("out"));
    }

    /// <summary>A copy of the built demix (this test's output folder holds it and its models/ folder).</summary>
    private static string CopyInstallation(string target)
    {
        string source = AppContext.BaseDirectory;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>Runs the copied <c>demix.dll</c> in its own process, so that it looks for models/ in its own folder.</summary>
    private static (int ExitCode, string Error) RunInstalled(string install, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(install, "demix.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "demix did not finish within 2 minutes");
        _ = output.Result;
        return (process.ExitCode, error);
    }
}
