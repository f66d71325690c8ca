using System.Globalization;
using Demix.Training.Loop;

namespace Demix.Cli.Commands;

/// <summary>
/// The progress line of <c>demix train</c> on standard error: a bar, step, loss, samples per second and ETA, redrawn
/// in place on a terminal and printed every 10th step (and at validations) otherwise.
/// </summary>
internal sealed class TrainingProgressLine(CliConsole console) : IProgress<TrainingProgress>
{
    private const int BarWidth = 24;
    private readonly bool interactive = console.CanShowProgress;

    public void Report(TrainingProgress value)
    {
        double fraction = (double)value.Step / Math.Max(1, value.MaxSteps);
        int filled = (int)Math.Round(fraction * BarWidth);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] step {value.Step}/{value.MaxSteps}  loss {value.Loss:G4}  {value.SamplesPerSecond:F1} samples/s  ETA {Format(value.Eta)}");
        if (value.Validation is { } v)
        {
            console.Error.WriteLine((interactive ? "\r" : "") + line + string.Create(CultureInfo.InvariantCulture,
                $"  | validation loss {v.Loss:G4}, SDR vocals {v.VocalsSdrDb:F2} dB, accompaniment {v.AccompanimentSdrDb:F2} dB"));
        }
        else if (interactive) console.Error.Write("\r" + line);
        else if (value.Step % 10 == 0) console.Error.WriteLine(line);
    }

    public void Message(string text)
    {
        if (interactive) console.Error.Write("\r");
        console.Error.WriteLine("demix: " + text);
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:D2}:{span.Seconds:D2}" : $"{span.Minutes:D2}:{span.Seconds:D2}";
}
