using System.Globalization;

namespace Demix.Training.Loop;

/// <summary>One row of the training log: a step's loss and, on validation steps, the validation figures.</summary>
public sealed record LogRow(int Step, double TrainLoss, double LearningRate, double SamplesPerSecond,
    double? ValidationLoss = null, double? VocalsSdrDb = null, double? AccompanimentSdrDb = null);

/// <summary>
/// <c>log.csv</c> of a run: one row per step (validation columns empty except on validation steps). On resume the
/// rows after the checkpoint's step are dropped, so the file continues as if the run had never stopped.
/// </summary>
public sealed class TrainingLog
{
    /// <summary>The header line.</summary>
    public const string Header = "step,train_loss,learning_rate,samples_per_second,validation_loss,vocals_sdr_db,accompaniment_sdr_db";

    private readonly List<LogRow> rows = [];

    /// <summary>The rows so far.</summary>
    public IReadOnlyList<LogRow> Rows => rows;

    /// <summary>Adds a row.</summary>
    public void Add(LogRow row) => rows.Add(row);

    /// <summary>Replaces the last row (a validation completes the step's row).</summary>
    public void ReplaceLast(LogRow row) => rows[^1] = row;

    /// <summary>Reads <paramref name="path"/>, keeping the rows of steps before <paramref name="beforeStep"/>.</summary>
    public static TrainingLog Read(string path, int beforeStep)
    {
        var log = new TrainingLog();
        if (!File.Exists(path)) return log;
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split(',');
            if (f.Length < 7) continue;
            var row = new LogRow(int.Parse(f[0], CultureInfo.InvariantCulture), Parse(f[1]) ?? double.NaN, Parse(f[2]) ?? 0, Parse(f[3]) ?? 0, Parse(f[4]), Parse(f[5]), Parse(f[6]));
            if (row.Step < beforeStep) log.Add(row);
        }
        return log;
    }

    /// <summary>Writes the whole log (temporary file, then rename).</summary>
    public void Write(string path)
    {
        string temporary = path + ".part";
        using (var writer = new StreamWriter(temporary))
        {
            writer.WriteLine(Header);
            foreach (LogRow r in rows)
                writer.WriteLine(string.Join(',', r.Step.ToString(CultureInfo.InvariantCulture), Format(r.TrainLoss), Format(r.LearningRate),
                    Format(r.SamplesPerSecond), Format(r.ValidationLoss), Format(r.VocalsSdrDb), Format(r.AccompanimentSdrDb)));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Format(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static double? Parse(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
