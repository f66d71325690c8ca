namespace Demix.Training.Sampling;

/// <summary>
/// A batch of magnitude spectrograms, each flattened [examples, channels, frames, bins] (bins fastest):
/// the mixture and both sources of every example, computed with the model's STFT on the loader thread.
/// </summary>
public sealed record Batch(long Index, int Examples, int Channels, int Frames, int Bins, float[] Mixture, float[] Vocals, float[] Accompaniment)
{
    /// <summary>The magnitude of <paramref name="target"/> ("vocals" or "accompaniment").</summary>
    public float[] Target(string target) => target == "vocals" ? Vocals : Accompaniment;
}
