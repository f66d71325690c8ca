using System.Globalization;
using System.Net;
using System.Text;
using Demix.Audio;
using Demix.Web.Spectrograms;

namespace Demix.Web.Reports;

/// <summary>
/// A self-contained HTML page next to the stems: for the mixture, each stem and (from an evaluation) each
/// true stem, a spectrogram (inline base64 PNG) and an audio player (the file linked by relative path,
/// or embedded when small); then the metrics table when given. Written atomically (temporary file + rename).
/// </summary>
public static class SeparationReport
{
    /// <summary>Writes the report into <paramref name="folder"/> and returns its path.</summary>
    /// <param name="folder">Where the page goes (created if missing); audio links are relative to it.</param>
    /// <param name="mixture">The input song.</param>
    /// <param name="stems">The separated stems.</param>
    /// <param name="references">The true stems, when known (evaluation).</param>
    /// <param name="metrics">Evaluation figures, when known.</param>
    /// <exception cref="AudioFormatException">An audio file cannot be decoded.</exception>
    /// <exception cref="IOException">The page exists and <see cref="ReportOptions.Overwrite"/> is false.</exception>
    public static string Write(string folder, string mixture, IReadOnlyList<ReportTrack> stems,
        IReadOnlyList<ReportTrack>? references = null, IReadOnlyList<ReportMetric>? metrics = null, ReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(mixture);
        ArgumentNullException.ThrowIfNull(stems);
        options ??= new ReportOptions();
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, options.FileName);
        if (File.Exists(path) && !options.Overwrite) throw new IOException($"'{path}': the report exists; pass --force to replace it.");
        string html = Build(folder, mixture, stems, references, metrics, options);
        string temporary = Path.Combine(folder, $".{options.FileName}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllText(temporary, html, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: options.Overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }

    /// <summary>The page's HTML.</summary>
    public static string Build(string folder, string mixture, IReadOnlyList<ReportTrack> stems,
        IReadOnlyList<ReportTrack>? references, IReadOnlyList<ReportMetric>? metrics, ReportOptions options)
    {
        string title = options.Title ?? $"Demix: {Path.GetFileName(mixture)}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title))
            .Append("</title>\n<style>").Append(Style).Append("</style></head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        AppendSection(html, "Mixture", [new ReportTrack("mixture", mixture)], folder, options);
        AppendSection(html, "Separated stems", stems, folder, options);
        if (references is { Count: > 0 }) AppendSection(html, "True stems", references, folder, options);
        if (metrics is { Count: > 0 }) AppendMetrics(html, metrics);
        html.Append("<footer>Written by Demix on ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(". Spectrograms: dB relative to a full-scale sine.</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendSection(StringBuilder html, string heading, IReadOnlyList<ReportTrack> tracks, string folder, ReportOptions options)
    {
        html.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
        foreach (ReportTrack track in tracks)
        {
            byte[] png = SpectrogramRenderer.RenderPng(track.Path, options.Spectrogram with { Title = track.Name });
            html.Append("<figure><figcaption>").Append(Encode(track.Name)).Append(" <small>").Append(Encode(Path.GetFileName(track.Path)))
                .Append("</small></figcaption>\n<img alt=\"spectrogram of ").Append(Encode(track.Name)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\">\n<audio controls preload=\"none\" src=\"")
                .Append(AudioSource(track.Path, folder, options.InlineAudioMaxBytes)).Append("\"></audio></figure>\n");
        }
    }

    private static void AppendMetrics(StringBuilder html, IReadOnlyList<ReportMetric> metrics)
    {
        html.Append("<h2>Metrics</h2>\n<table><tr><th>target</th><th>metric</th><th>value</th></tr>\n");
        foreach (ReportMetric metric in metrics)
        {
            html.Append("<tr><td>").Append(Encode(metric.Target)).Append("</td><td>").Append(Encode(metric.Metric)).Append("</td><td>")
                .Append(metric.Value.ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').Append(Encode(metric.Unit)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    /// <summary>A data: URL for small files, else the path relative to the page, each segment URL-escaped.</summary>
    internal static string AudioSource(string audioPath, string folder, long inlineMaxBytes)
    {
        var info = new FileInfo(audioPath);
        if (info.Exists && info.Length <= inlineMaxBytes)
        {
            return $"data:{MimeType(audioPath)};base64,{Convert.ToBase64String(File.ReadAllBytes(audioPath))}";
        }
        string relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(audioPath));
        return Encode(string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".wav" => "audio/wav",
        ".flac" => "audio/flac",
        ".mp3" => "audio/mpeg",
        ".ogg" or ".opus" => "audio/ogg",
        ".m4a" or ".mp4" => "audio/mp4",
        _ => "application/octet-stream",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}" +
        "figure{margin:1em 0;padding:.5em;border:1px solid #ddd;border-radius:6px}figcaption{font-weight:600;margin-bottom:.3em}" +
        "figcaption small{font-weight:400;color:#777}img{max-width:100%;display:block}audio{width:100%;margin-top:.4em}" +
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:left}footer{margin-top:2em;color:#777;font-size:.85em}";
}
