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
    public static ChunkedMethod Create(ISeparationModel model, ChunkSettings? chunking = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ChunkSettings settings = chunking ?? model.Chunking;
        int rate = model.Card.SampleRate;
        int chunkFrames = checked((int)Math.Round(settings.ChunkSeconds * rate));
        int overlapFrames = (int)Math.Round(settings.OverlapSeconds * rate);
        return new ChunkedMethod(NamePrefix + model.Card.Name, model.CreateSeparator(), chunkFrames, overlapFrames);
    }
}
