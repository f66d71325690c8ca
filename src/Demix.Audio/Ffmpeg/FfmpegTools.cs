namespace Demix.Audio;

/// <summary>
/// Where the ffmpeg and ffprobe executables are: the file named by the environment variable
/// <c>DEMIX_FFMPEG</c> (ffprobe beside it), otherwise the first <c>ffmpeg</c> on <c>PATH</c>.
/// </summary>
/// <param name="FfmpegPath">The ffmpeg executable.</param>
/// <param name="FfprobePath">The ffprobe executable (same folder as ffmpeg, or on PATH).</param>
public sealed record FfmpegTools(string FfmpegPath, string FfprobePath)
{
    /// <summary>The environment variable that names the ffmpeg executable.</summary>
    public const string EnvironmentVariable = "DEMIX_FFMPEG";

    /// <summary>What to tell a user whose machine lacks ffmpeg.</summary>
    public const string InstallHint =
        "install it with 'sudo apt-get install ffmpeg' (Debian/Ubuntu; 'brew install ffmpeg' on macOS) " +
        "or set DEMIX_FFMPEG to the ffmpeg executable";

    private static readonly Lazy<FfmpegTools?> found = new(() => Find(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.GetEnvironmentVariable("PATH")));

    /// <summary>The tools of this machine, looked up once; null when ffmpeg is not installed.</summary>
    public static FfmpegTools? Installed => found.Value;

    /// <summary>The tools, or an <see cref="AudioFormatException"/> about <paramref name="filePath"/> explaining how to install ffmpeg.</summary>
    public static FfmpegTools RequireForReading(string filePath) => Installed ?? throw Missing(filePath);

    /// <summary>The error for reading <paramref name="filePath"/> on a machine without ffmpeg.</summary>
    public static AudioFormatException Missing(string filePath) =>
        new(filePath, $"this is not a PCM/float WAV file, so it is decoded through ffmpeg, which {WhyMissing()}; {InstallHint}.");

    /// <summary>"is not installed", or what is wrong with DEMIX_FFMPEG when it is set.</summary>
    private static string WhyMissing()
    {
        string? setting = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(setting)
            ? "is not installed (not found on PATH)"
            : $"was not found: {EnvironmentVariable}='{setting}' is not an ffmpeg executable with ffprobe beside it";
    }

    /// <summary>The tools, or an <see cref="AudioWriteException"/> about <paramref name="filePath"/> explaining how to install ffmpeg.</summary>
    public static FfmpegTools RequireForWriting(string filePath) => Installed ??
        throw new AudioWriteException(filePath, $"this format is encoded through ffmpeg, which {WhyMissing()}; {InstallHint}.");

    /// <summary>Looks the tools up from an explicit setting and a PATH value (testable without touching the environment).</summary>
    /// <param name="explicitFfmpeg">The value of DEMIX_FFMPEG, or null.</param>
    /// <param name="searchPath">The value of PATH, or null.</param>
    public static FfmpegTools? Find(string? explicitFfmpeg, string? searchPath)
    {
        string? ffmpeg = string.IsNullOrWhiteSpace(explicitFfmpeg)
            ? OnPath("ffmpeg", searchPath)
            : File.Exists(explicitFfmpeg) ? Path.GetFullPath(explicitFfmpeg) : null;
        if (ffmpeg is null) return null;
        string folder = Path.GetDirectoryName(ffmpeg)!;
        string? ffprobe = ExistingExecutable(Path.Combine(folder, "ffprobe")) ?? OnPath("ffprobe", searchPath);
        return ffprobe is null ? null : new FfmpegTools(ffmpeg, ffprobe);
    }

    private static string? OnPath(string name, string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath)) return null;
        foreach (string folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ExistingExecutable(Path.Combine(folder, name)) is string path) return path;
        }
        return null;
    }

    private static string? ExistingExecutable(string pathWithoutExtension)
    {
        if (File.Exists(pathWithoutExtension)) return pathWithoutExtension;
        string exe = pathWithoutExtension + ".exe";
        return OperatingSystem.IsWindows() && File.Exists(exe) ? exe : null;
    }
}
