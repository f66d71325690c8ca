using System.Globalization;
using System.Text;
using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Metrics;

namespace Demix.Evaluation.Scoring;

/// <summary>GNSDR / GSIR / GSAR of a MIR-1K run, per source (0 = voice, 1 = accompaniment), dB.</summary>
public sealed record Mir1kSummary(int ClipCount, double[] Gnsdr, double[] Gsir, double[] Gsar);

/// <summary>
/// Scores MIR-1K clips into <c>clips.csv</c> in a results folder (one row per clip: samples, SDR / SIR / SAR / mixture SDR
/// of voice and accompaniment), resumably: clips already in the file are skipped. The global scores are the
/// clip-length-weighted means over the clips in the file, each counted once (<see cref="GlobalSeparationScores"/>).
/// </summary>
public static class Mir1kEvaluation
{
    private const string Header = "clip,samples,sdr_voice,sdr_music,sir_voice,sir_music,sar_voice,sar_music,mixsdr_voice,mixsdr_music";

    /// <summary>Separates each clip's mono 0 dB mixture with <paramref name="separate"/> (mixture -> voice, accompaniment) and scores it.</summary>
    /// <returns>Number of clips scored in this run.</returns>
    public static int Run(IReadOnlyList<EvaluationTrack> clips, Func<EvaluationTrack, (Waveform Voice, Waveform Accompaniment)> separate,
        string resultsRoot, IProgress<EvaluationProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(separate);
        Directory.CreateDirectory(resultsRoot);
        string path = Path.Combine(resultsRoot, "clips.csv");
        var done = Load(path).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (!File.Exists(path)) File.WriteAllText(path, Header + "\n");
        else EndWithNewline(path);
        int scored = 0;
        for (int i = 0; i < clips.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            bool skip = done.Contains(clips[i].Name);
            if (!skip)
            {
                var (voice, accompaniment) = separate(clips[i]);
                ClipSeparationScores s = Mir1kScorer.Score(clips[i], voice, accompaniment);
                File.AppendAllText(path, Row(clips[i].Name, s));
                scored++;
            }
            progress?.Report(new EvaluationProgress(i + 1, clips.Count, clips[i].Name, skip));
        }
        return scored;
    }

    /// <summary>The global scores over every clip in <c>clips.csv</c> under <paramref name="resultsRoot"/>.</summary>
    public static Mir1kSummary Summarize(string resultsRoot)
    {
        var global = new GlobalSeparationScores();
        foreach (var (_, clip) in Load(Path.Combine(resultsRoot, "clips.csv"))) global.Add(clip);
        double[] Of(Func<int, double> f) => [f(0), f(1)];
        return new Mir1kSummary(global.ClipCount, Of(global.Gnsdr), Of(global.Gsir), Of(global.Gsar));
    }

    /// <summary>A Markdown table of the summary (rows voice / accompaniment; GNSDR, GSIR, GSAR in dB).</summary>
    public static string ToMarkdown(Mir1kSummary summary, string label)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder($"| {label} ({summary.ClipCount} clips) | GNSDR (dB) | GSIR (dB) | GSAR (dB) |\n|---|---:|---:|---:|\n");
        string[] names = ["voice", "accompaniment"];
        for (int j = 0; j < 2; j++)
            text.Append(CultureInfo.InvariantCulture, $"| {names[j]} | {summary.Gnsdr[j]:F2} | {summary.Gsir[j]:F2} | {summary.Gsar[j]:F2} |\n");
        return text.ToString();
    }

    private static string Row(string name, ClipSeparationScores s)
    {
        double[] values = [s.Sdr[0], s.Sdr[1], s.Sir[0], s.Sir[1], s.Sar[0], s.Sar[1], s.MixtureSdr[0], s.MixtureSdr[1]];
        return name + "," + s.SampleCount.ToString(CultureInfo.InvariantCulture) + ","
            + string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n";
    }

    /// <summary>
    /// The rows of <c>clips.csv</c>, one per clip: a row cut short by an interrupted run is dropped (the clip is scored
    /// again), and a clip that appears twice counts once (the first row), so no clip weighs double in the means.
    /// </summary>
    private static List<(string Name, ClipSeparationScores Clip)> Load(string path)
    {
        var rows = new List<(string, ClipSeparationScores)>();
        if (!File.Exists(path)) return rows;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (Parse(line) is not { } row || !seen.Add(row.Name)) continue;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>One complete row, or null for a row that is cut short or garbled.</summary>
    private static (string Name, ClipSeparationScores Clip)? Parse(string line)
    {
        string[] f = line.Split(',');
        if (f.Length != 10 || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int samples)) return null;
        var v = new double[8];
        for (int i = 0; i < v.Length; i++)
            if (!double.TryParse(f[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])) return null;
        return (f[0], new ClipSeparationScores(samples, [v[0], v[1]], [v[2], v[3]], [v[4], v[5]], [v[6], v[7]]));
    }

    /// <summary>Ends a file cut inside a row with a newline, so the next row does not join the cut one.</summary>
    private static void EndWithNewline(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        if (stream.Length == 0) return;
        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
    }
}
