using System.Text.Json;

namespace Demix.Cli.Separate;

/// <summary>The <c>--json</c> report of <c>demix separate</c>, written field by field (no reflection).</summary>
public static class JsonReport
{
    /// <summary>Writes the report as one indented JSON object.</summary>
    public static void Write(TextWriter output, SeparateRequest request, IReadOnlyList<TrackResult> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("method", request.Method);
            json.WriteString("outputFolder", request.OutputFolder);
            json.WriteString("format", request.Format.ToString().ToLowerInvariant());
            json.WriteStartArray("tracks");
            foreach (TrackResult result in results) WriteTrack(json, result);
            json.WriteEndArray();
            json.WriteNumber("separated", results.Count(r => r.Status == TrackStatus.Done));
            json.WriteNumber("total", results.Count);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTrack(Utf8JsonWriter json, TrackResult result)
    {
        json.WriteStartObject();
        json.WriteString("input", result.Input);
        json.WriteString("status", result.Status switch
        {
            TrackStatus.Done => "done",
            TrackStatus.UserError => "bad-input",
            TrackStatus.Cancelled => "cancelled",
            _ => "failed",
        });
        if (result.Message is not null) json.WriteString("error", result.Message);
        json.WriteStartObject("outputs");
        foreach (var (stem, path) in result.Outputs) json.WriteString(stem, path);
        json.WriteEndObject();
        json.WriteNumber("durationSeconds", Math.Round(result.DurationSeconds, 3));
        json.WriteNumber("elapsedSeconds", Math.Round(result.ElapsedSeconds, 3));
        json.WriteNumber("realTimeFactor", Math.Round(result.RealTimeFactor, 2));
        json.WriteEndObject();
    }
}
