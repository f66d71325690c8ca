namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>How S4 turns predicted vocals into the karaoke track.</summary>
public enum KaraokeMode
{
    /// <summary>max(|X| - |V|, 0) with the mixture's phase.</summary>
    SpectralSubtraction,

    /// <summary>The mixture waveform plus the inverted (negated) predicted vocal waveform.</summary>
    InvertedWaveform,
}
