using System.Diagnostics;

namespace Demix.Audio.Tests;

/// <summary>Runs the installed ffmpeg directly (independently of the library) to make test inputs.</summary>
internal static class FfmpegCli
{
    public static FfmpegTools Tools => FfmpegTools.Installed
        ?? throw new InvalidOperationException($"ffmpeg is required by these tests: {FfmpegTools.InstallHint}.");

    /// <summary>Runs ffmpeg with the arguments; throws with its stderr when it fails.</summary>
    public static void Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(Tools.FfmpegPath) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments]) info.ArgumentList.Add(argument);
        using Process process = Process.Start(info)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {stderr}");
    }

    /// <summary>A 0.2 s test tone of <paramref name="channelCount"/> channels (different sines), written with <paramref name="codec"/>.</summary>
    public static void Tone(string path, string codec, int channelCount, int sampleRate = 44_100, params string[] extra)
    {
        string expressions = string.Join('|', Enumerable.Range(0, channelCount).Select(c => $"0.{7 - c % 6}*sin(2*PI*{300 + 200 * c}*t)"));
        Run(["-f", "lavfi", "-i", $"aevalsrc={expressions}:s={sampleRate}:d=0.2", "-c:a", codec, .. extra, path]);
    }
}
