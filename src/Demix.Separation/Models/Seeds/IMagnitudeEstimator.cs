namespace Demix.Separation.Models.Seeds;

/// <summary>
/// The network half of a seed model: from the mixture's magnitude spectrogram to one magnitude estimate per
/// stem. Channels are separated independently (each is one batch item of the network).
/// </summary>
public interface IMagnitudeEstimator
{
    /// <summary>Stem names in output order.</summary>
    IReadOnlyList<string> Stems { get; }

    /// <summary>Estimates every stem's magnitude.</summary>
    /// <param name="magnitude">Mixture magnitude, [channels, frames, bins] flattened (bins fastest).</param>
    /// <param name="channels">Channel count.</param>
    /// <param name="frames">Frame count.</param>
    /// <param name="bins">Bin count (fftSize / 2 + 1).</param>
    /// <returns>[stems][channels * frames * bins], non-negative, in the input's layout.</returns>
    float[][] Estimate(float[] magnitude, int channels, int frames, int bins);
}
