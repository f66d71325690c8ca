using System.Globalization;
using System.Text.Json;

namespace Demix.Audio;

/// <summary>Runs <c>ffprobe -print_format json -show_format -show_streams -select_streams a</c> and parses its answer.</summary>
public static class FfprobeReader
{
    /// <summary>Probes <paramref name="path"/> with the installed ffprobe.</summary>
    /// <exception cref="AudioFormatException">ffmpeg is not installed, or ffprobe cannot read the file.</exception>
    public static MediaProbe Probe(string path) => Probe(FfmpegTools.RequireForReading(path), path);

    /// <summary>Probes <paramref name="path"/> with the given tools.</summary>
    /// <exception cref="AudioFormatException">ffprobe cannot read the file.</exception>
    public static MediaProbe Probe(FfmpegTools tools, string path)
    {
        using FileStream check = AudioFileAccess.OpenRead(path); // missing/empty files get our own message
        using var process = ToolProcess.Start(tools.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "a", "-i", "file:" + path],
            reason => new AudioFormatException(path, $"ffprobe is needed to read this file, but {reason}."));
        process.StandardInput.Close();
        string json;
        using (var reader = new StreamReader(process.StandardOutput)) json = reader.ReadToEnd();
        if (process.WaitForExit() != 0) throw new AudioFormatException(path, $"ffprobe cannot read the file: {process.LastError()}");
        return Parse(json, path);
    }

    /// <summary>Parses ffprobe's JSON answer.</summary>
    /// <exception cref="AudioFormatException">The answer is not what ffprobe writes.</exception>
    public static MediaProbe Parse(string json, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            JsonElement format = root.TryGetProperty("format", out JsonElement f) ? f : default;
            var streams = new List<AudioStreamInfo>();
            if (root.TryGetProperty("streams", out JsonElement list))
            {
                foreach (JsonElement stream in list.EnumerateArray()) streams.Add(ParseStream(stream, streams.Count));
            }
            return new MediaProbe(Text(format, "format_name"), Text(format, "format_long_name"), Number(format, "duration"), streams);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new AudioFormatException(path, $"ffprobe's answer cannot be parsed: {e.Message}", e);
        }
    }

    private static AudioStreamInfo ParseStream(JsonElement stream, int audioIndex)
    {
        double? bitRate = Number(stream, "bit_rate");
        return new AudioStreamInfo(
            audioIndex,
            Text(stream, "codec_name"),
            Text(stream, "codec_long_name"),
            (int)(Number(stream, "sample_rate") ?? 0),
            stream.TryGetProperty("channels", out JsonElement channels) ? channels.GetInt32() : 0,
            Number(stream, "duration"),
            bitRate is double b ? (long)b : null);
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value.ToString() : "";

    /// <summary>ffprobe writes most numbers as strings ("44100", "6.800000"); accepts both.</summary>
    private static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed : null;
    }
}
