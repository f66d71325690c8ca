using Demix.Audio;
using Demix.Engine.Autograd;
using Demix.Engine.Nn;
using Demix.Evaluation.Museval;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;
using Demix.Training.Data;
using Demix.Training.Models;
using Demix.Training.Sampling;

namespace Demix.Training.Loop;

/// <summary>Validation figures of one step.</summary>
/// <param name="Loss">Mean training loss over the fixed validation batches.</param>
/// <param name="VocalsSdrDb">museval v4 SDR (1 s windows), median over windows then over tracks.</param>
/// <param name="AccompanimentSdrDb">The same for the accompaniment.</param>
public sealed record ValidationResult(double Loss, double VocalsSdrDb, double AccompanimentSdrDb);

/// <summary>
/// Validates a model: each validation track (mixture = vocals + accompaniment) goes through the model's chunked
/// separator (<see cref="ModelMethod"/>, the code path of <c>demix separate</c>) and is scored with museval's
/// SDR-only fast path (1 s windows and hop); the loss is averaged over fixed, un-augmented validation batches.
/// </summary>
public sealed class Validator(IReadOnlyList<SourceTrack> tracks, IReadOnlyList<Batch> lossBatches, double seconds)
{
    /// <summary>Validates <paramref name="model"/> in evaluation mode (the mode is restored afterwards).</summary>
    /// <param name="model">The model at the current step.</param>
    /// <param name="heap">Checked after the loss batches and after each track (each allocates ~185 MB of garbage).</param>
    public ValidationResult Validate(ITrainableModel model, HeapBudget? heap = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Module network = model.Network;
        bool wasTraining = network.Training;
        network.Eval();
        try
        {
            double loss = double.NaN;
            using (new NoGradScope())
                if (lossBatches.Count > 0) loss = lossBatches.Average(b => (double)model.Loss(b).Item());
            heap?.Check();
            ChunkedMethod method = ModelMethod.Create(model.Model);   // one separator for every track; it reads the live weights
            var scores = new List<(double Vocals, double Accompaniment)>(tracks.Count);
            foreach (SourceTrack track in tracks)
            {
                scores.Add(Score(model.Model, method, track));
                heap?.Check();
            }
            return new ValidationResult(loss, Median(scores.Select(s => s.Vocals)), Median(scores.Select(s => s.Accompaniment)));
        }
        finally
        {
            network.Train(wasTraining);
        }
    }

    private (double Vocals, double Accompaniment) Score(ISeparationModel model, ChunkedMethod method, SourceTrack track)
    {
        int rate = model.Card.SampleRate;
        long frames = seconds > 0 ? Math.Min(track.FrameCount, (long)(seconds * rate)) : track.FrameCount;
        float[][] vocals = Read(track.Vocals!, frames), accompaniment = Read(track.Accompaniment!, frames);
        Waveform input = new(new TrainingExample(vocals, accompaniment).Mixture(), rate);
        if (method.ChannelCount != input.ChannelCount) input = method.ChannelCount == 1 ? ChannelMap.ToMono(input) : ChannelMap.ToStereo(input);
        Waveform[] stems = InMemorySeparation.Separate(method, input);
        float[][] Stem(string name)
        {
            Waveform stem = stems[IndexOf(model.Stems, name)];
            return stem.ChannelCount == vocals.Length ? stem.Channels : (vocals.Length == 1 ? ChannelMap.ToMono(stem) : ChannelMap.ToStereo(stem)).Channels;
        }
        double[][] sdr = MusevalEvaluator.EvaluateSdr([vocals, accompaniment], [Stem("vocals"), Stem("accompaniment")], rate, rate);
        return (Median(sdr[0]), Median(sdr[1]));
    }

    private static int IndexOf(IReadOnlyList<string> stems, string stem)
    {
        for (int i = 0; i < stems.Count; i++) if (stems[i] == stem) return i;
        throw new InvalidOperationException($"The model has no '{stem}' stem (it has {string.Join(", ", stems)}).");
    }

    private static float[][] Read(CachedAudio audio, long frames)
    {
        float[][] all = new float[audio.ChannelCount][];
        for (int c = 0; c < all.Length; c++)
        {
            all[c] = new float[frames];
            audio.Read(c, 0, all[c]);
        }
        return all;
    }

    /// <summary>Median of the finite values (museval's nanmedian); NaN when there is none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] finite = [.. values.Where(double.IsFinite).Order()];
        if (finite.Length == 0) return double.NaN;
        int middle = finite.Length / 2;
        return finite.Length % 2 == 1 ? finite[middle] : 0.5 * (finite[middle - 1] + finite[middle]);
    }
}
