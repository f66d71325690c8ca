using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models;

/// <summary>
/// A model as a separation method of the pipeline: the model's whole-buffer separator run over chunks of
/// <see cref="ChunkSettings.ChunkSeconds"/> that overlap by <see cref="ChunkSettings.OverlapSeconds"/> and are
/// cross-faded (<see cref="ChunkedMethod"/>), so memory is bounded by the chunk. The pipeline resamples to the
/// model's rate and restores the input's channel count and rate.
/// </summary>
public static class ModelMethod
{
    /// <summary>The method name prefix in reports and the <c>{method}</c> output token: <c>model-&lt;name&gt;</c>.</summary>
    public const string NamePrefix = "model-";

    /// <summary>Wraps <paramref name="model"/> (its own chunking settings unless <paramref name="chunking"/> is given).</summary>
    /// <param name="model">The loaded model.</param>
    /// <param name="chunking">Chunk and overlap; null: the card's.</param>
    /// <param name="inference">Overrides of the Wiener and test-time-augmentation settings; null: the card's.</param>
    /// <exception cref="ArgumentException">Overrides are given for a family that has no such settings, or are out of range.</exception>
    public static ChunkedMethod Create(ISeparationModel model, ChunkSettings? chunking = null, InferenceOptions? inference = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ChunkSettings settings = chunking ?? model.Chunking;
        int rate = model.Card.SampleRate;
        int chunkFrames = checked((int)Math.Round(settings.ChunkSeconds * rate));
        int overlapFrames = (int)Math.Round(settings.OverlapSeconds * rate);
        return new ChunkedMethod(NamePrefix + model.Card.Name, CreateSeparator(model, inference ?? InferenceOptions.None), chunkFrames, overlapFrames);
    }

    /// <summary>The model's separator with <paramref name="inference"/> applied.</summary>
    public static ISeparator CreateSeparator(ISeparationModel model, InferenceOptions inference)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inference);
        if (inference.IsEmpty) return model.CreateSeparator();
        if (model is OpenUnmixModel openUnmix) return openUnmix.CreateSeparator(inference);
        throw new ArgumentException(
            $"Wiener iterations, channel swap and shifts apply to {OpenUnmixFamily.Name} models; '{model.Card.Name}' is a {model.Card.Family} model.",
            nameof(inference));
    }
}
