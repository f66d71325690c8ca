namespace Demix.Web.Reports;

/// <summary>One audio file shown in a report: a label (e.g. <c>vocals</c>) and the file.</summary>
public sealed record ReportTrack(string Name, string Path);

/// <summary>One number of an evaluation, e.g. ("vocals", "SDR (museval v4, median over frames)", 6.1, "dB").</summary>
public sealed record ReportMetric(string Target, string Metric, double Value, string Unit = "dB");

/// <summary>How a report is written.</summary>
public sealed record ReportOptions
{
    /// <summary>Audio files up to this size are embedded in the page (base64); larger ones are linked by relative path.</summary>
    public long InlineAudioMaxBytes { get; init; } = 2_000_000;

    /// <summary>Size and look of the spectrograms (the title is set per track).</summary>
    public Spectrograms.SpectrogramSettings Spectrogram { get; init; } = new() { Width = 900, Height = 300 };

    /// <summary>The page's heading.</summary>
    public string? Title { get; init; }

    /// <summary>File name of the page inside the folder.</summary>
    public string FileName { get; init; } = "report.html";

    /// <summary>Replace an existing page.</summary>
    public bool Overwrite { get; init; }
}
