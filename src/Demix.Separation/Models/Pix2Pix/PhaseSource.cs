namespace Demix.Separation.Models.Pix2Pix;

/// <summary>Where the phase of the generated vocal spectrogram comes from.</summary>
public enum PhaseSource
{
    /// <summary>The mixture's phase.</summary>
    Mixture,

    /// <summary>Griffin-Lim iterations from the mixture's phase.</summary>
    GriffinLim,
}
