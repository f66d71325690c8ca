using Demix.Imaging.Plotting;

namespace Demix.Training.Loop;

/// <summary>The run's <c>training.png</c>: training and validation loss (log axis) above the validation SDR (S2's figure).</summary>
public static class TrainingPlot
{
    /// <summary>Renders <paramref name="log"/> to <paramref name="path"/>.</summary>
    public static void Save(TrainingLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        var train = log.Rows.Where(r => double.IsFinite(r.TrainLoss) && r.TrainLoss > 0).ToList();
        var validation = log.Rows.Where(r => r.ValidationLoss is > 0).ToList();
        var sdr = log.Rows.Where(r => r.VocalsSdrDb is double v && double.IsFinite(v)).ToList();
        var loss = new LinePlot { Title = "Loss", XLabel = "step", YLabel = "loss", LogY = true };
        if (train.Count > 0) loss.AddSeries("training", [.. train.Select(r => (double)r.Step)], [.. Smooth(train.Select(r => r.TrainLoss).ToArray())]);
        if (validation.Count > 0) loss.AddSeries("validation", [.. validation.Select(r => (double)r.Step)], [.. validation.Select(r => r.ValidationLoss!.Value)], markerSize: 5);
        var metric = new LinePlot { Title = "Validation SDR (museval v4 SDR, median of medians)", XLabel = "step", YLabel = "SDR (dB)" };
        if (sdr.Count > 0)
        {
            metric.AddSeries("vocals", [.. sdr.Select(r => (double)r.Step)], [.. sdr.Select(r => r.VocalsSdrDb!.Value)], markerSize: 5);
            var accompaniment = sdr.Where(r => r.AccompanimentSdrDb is double a && double.IsFinite(a)).ToList();
            if (accompaniment.Count > 0)
                metric.AddSeries("accompaniment", [.. accompaniment.Select(r => (double)r.Step)], [.. accompaniment.Select(r => r.AccompanimentSdrDb!.Value)], markerSize: 5);
        }
        Figure.Stack(800, 320, loss, metric).SavePng(path);
    }

    /// <summary>Running mean over 1% of the steps (at least 1), so the noisy per-step loss reads as a curve.</summary>
    private static double[] Smooth(double[] values)
    {
        int window = Math.Max(1, values.Length / 100);
        var result = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
