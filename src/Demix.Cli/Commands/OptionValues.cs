using Demix.Audio;
using Demix.Separation.Methods;
using Demix.Separation.Methods.Center;
using Demix.Separation.Methods.RepetSim;

namespace Demix.Cli.Commands;

/// <summary>Checks and converts option values; every problem is a <see cref="UsageException"/> (exit code 2).</summary>
internal static class OptionValues
{
    public static AudioFileFormat Format(string value) => value switch
    {
        "wav" => AudioFileFormat.Wav,
        "flac" => AudioFileFormat.Flac,
        "mp3" => AudioFileFormat.Mp3,
        "ogg" => AudioFileFormat.Ogg,
        "opus" => AudioFileFormat.Opus,
        "m4a" => AudioFileFormat.M4a,
        _ => throw new UsageException($"--format: unknown format '{value}'."),
    };

    public static WavSampleFormat BitDepth(string value, AudioFileFormat format)
    {
        WavSampleFormat depth = value switch
        {
            "16" => WavSampleFormat.Pcm16,
            "24" => WavSampleFormat.Pcm24,
            "32f" => WavSampleFormat.Float32,
            _ => throw new UsageException($"--bit-depth: '{value}' is not 16, 24 or 32f."),
        };
        if (format == AudioFileFormat.Flac && depth == WavSampleFormat.Float32) throw new UsageException("--bit-depth 32f: FLAC stores 16 or 24 bits.");
        return depth;
    }

    public static int? BitRate(int? kbps, AudioFileFormat format)
    {
        if (kbps is null) return null;
        if (!format.IsLossy()) throw new UsageException($"--bitrate applies to mp3, ogg, opus and m4a, not {format.Extension()}.");
        if (kbps < 8 || kbps > 640) throw new UsageException($"--bitrate {kbps}: give 8 to 640 kbit/s.");
        return kbps;
    }

    public static int? SampleRate(int? hertz)
    {
        if (hertz is not null && (hertz < 1000 || hertz > 768000)) throw new UsageException($"--sample-rate {hertz}: give 1000 to 768000 Hz.");
        return hertz;
    }

    public static int Jobs(int jobs) =>
        jobs is >= 1 and <= 64 ? jobs : throw new UsageException($"--jobs {jobs}: give 1 to 64.");

    /// <summary>The stems named in <paramref name="value"/>, each checked against the method's.</summary>
    public static IReadOnlyList<string>? Stems(string? value, IReadOnlyList<string> available)
    {
        if (value is null) return null;
        string[] names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new UsageException("--stems: name at least one stem.");
        foreach (string stem in names)
        {
            if (!available.Contains(stem)) throw new UsageException($"--stems: unknown stem '{stem}'; this method gives {string.Join(", ", available)}.");
        }
        return [.. names.Distinct()];
    }

    public static MethodSettings MethodSettings(double strength, double lowHz, double highHz, double searchWindowSeconds)
    {
        var center = new CenterOptions { Strength = strength, LowHz = lowHz, HighHz = highHz };
        var repetSim = new RepetSimOptions { SearchWindowSeconds = searchWindowSeconds };
        try
        {
            center.Validate();
            repetSim.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return new MethodSettings { Center = center, RepetSim = repetSim };
    }
}
