using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// A network on magnitude "images" [batch, 1, frames, bins] that <see cref="SpectrogramEstimator"/> can run over a
/// whole spectrogram: the frames are zero-padded to a multiple of <see cref="FrameMultiple"/> and the network sees
/// the lowest <see cref="BinCount"/> bins (the bins above get an estimate of 0).
/// </summary>
public interface ISpectrogramNetwork
{
    /// <summary>Frame counts the network accepts are multiples of this (2^levels for a U-Net).</summary>
    int FrameMultiple { get; }

    /// <summary>Bins the network sees (at most fftSize / 2 + 1).</summary>
    int BinCount { get; }

    /// <summary>Estimated magnitudes per output of the network.</summary>
    /// <param name="magnitude">Mixture magnitude, [batch, 1, frames, BinCount].</param>
    /// <returns>One non-negative [batch, 1, frames, BinCount] tensor per output.</returns>
    Tensor[] EstimateMagnitudes(Tensor magnitude);
}
