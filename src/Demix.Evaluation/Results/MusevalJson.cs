using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Demix.Evaluation.Results;

/// <summary>
/// Reads and writes museval's per-track JSON: <c>{"targets": [{"name", "frames": [{"time", "duration",
/// "metrics": {"SDR", "SIR", "SAR", "ISR"}}]}], "museval_version"}</c>, values quantised to 1e-5 as museval
/// does, NaN written as the bare token <c>NaN</c> (as Python's json does, so museval's tools read our files and
/// we read theirs).
/// </summary>
public static partial class MusevalJson
{
    private static readonly string[] MetricNames = ["SDR", "SIR", "SAR", "ISR"];

    /// <summary>The JSON text of <paramref name="scores"/>.</summary>
    public static string ToJson(TrackScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("targets");
            foreach (TargetScores target in scores.Targets) WriteTarget(writer, target);
            writer.WriteEndArray();
            writer.WriteString("museval_version", scores.MusevalVersion);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTarget(Utf8JsonWriter writer, TargetScores target)
    {
        writer.WriteStartObject();
        writer.WriteString("name", target.Name);
        writer.WriteStartArray("frames");
        foreach (FrameScores frame in target.Frames)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", frame.TimeSeconds);
            writer.WriteNumber("duration", frame.DurationSeconds);
            writer.WriteStartObject("metrics");
            double[] values = [frame.Sdr, frame.Sir, frame.Sar, frame.Isr];
            for (int m = 0; m < MetricNames.Length; m++)
            {
                writer.WritePropertyName(MetricNames[m]);
                writer.WriteRawValue(MusevalQuantizer.Format(values[m]), skipInputValidation: true);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>path</c> atomically (a temporary file beside it, then a rename).</summary>
    /// <param name="overwrite">Replace an existing file; otherwise an existing file is an error.</param>
    public static void Save(TrackScores scores, string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path)) throw new IOException($"'{path}' already exists (pass overwrite to replace it).");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, ToJson(scores), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Reads a museval track JSON; the track name is the file name without extension (as museval's json2df).</summary>
    /// <exception cref="FormatException">The file is not a museval track JSON; the message names the file.</exception>
    public static TrackScores Load(string path)
    {
        string text = File.ReadAllText(path);
        try
        {
            return Parse(text, Path.GetFileNameWithoutExtension(path));
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"'{path}' is not a museval track JSON: {error.Message}", error);
        }
    }

    /// <summary>Parses museval track JSON text (bare NaN/Infinity tokens allowed).</summary>
    public static TrackScores Parse(string json, string trackName)
    {
        string strict = BareLiteral().Replace(json, m => $"\"{m.Value}\"");
        using JsonDocument document = JsonDocument.Parse(strict);
        JsonElement root = document.RootElement;
        var targets = root.GetProperty("targets").EnumerateArray().Select(target => new TargetScores(
            target.GetProperty("name").GetString() ?? throw new FormatException("A target has no name."),
            target.GetProperty("frames").EnumerateArray().Select(ParseFrame).ToArray())).ToArray();
        string version = root.TryGetProperty("museval_version", out JsonElement v) ? v.GetString() ?? "" : "";
        return new TrackScores(trackName, targets, version);
    }

    private static FrameScores ParseFrame(JsonElement frame)
    {
        JsonElement metrics = frame.GetProperty("metrics");
        return new FrameScores(Number(frame.GetProperty("time")), Number(frame.GetProperty("duration")),
            Number(metrics.GetProperty("SDR")), Number(metrics.GetProperty("SIR")),
            Number(metrics.GetProperty("SAR")), Number(metrics.GetProperty("ISR")));
    }

    private static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => double.Parse(other!, CultureInfo.InvariantCulture),
        },
        _ => throw new FormatException($"Expected a number, found {element.ValueKind}."),
    };

    [GeneratedRegex(@"(?<=[:\[,]\s*)-?(NaN|Infinity)(?=\s*[,\]}])")]
    private static partial Regex BareLiteral();
}
