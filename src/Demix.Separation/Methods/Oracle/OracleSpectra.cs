using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Oracle;

/// <summary>STFTs of the mixture and of every source with scipy's convention (2048 Hann, 50 % overlap), and the way back.</summary>
internal static class OracleSpectra
{
    /// <summary>sigsep-mus-oracle's STFT: <c>scipy.signal.stft(x, nperseg=2048)</c>.</summary>
    public static StftConfig Config { get; } = StftConfig.Scipy(2048);

    /// <summary>Checks the shapes and returns the source names in a fixed order with their spectrograms.</summary>
    public static (string[] Names, ComplexSpectrogram[] Spectra) Sources(float[][] mixture, IReadOnlyDictionary<string, float[][]> sources)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0) throw new ArgumentException("An oracle needs at least one true source.", nameof(sources));
        string[] names = [.. sources.Keys.Order(StringComparer.Ordinal)];
        foreach (string name in names)
        {
            float[][] s = sources[name];
            if (s.Length != mixture.Length || s.Any(c => c.Length != mixture[0].Length))
                throw new ArgumentException($"Source '{name}' is {s.Length} x {s[0].Length} but the mixture {mixture.Length} x {mixture[0].Length}.", nameof(sources));
        }
        return (names, [.. names.Select(n => Stft.Forward(sources[n], Config))]);
    }

    /// <summary>Back to the time domain at the mixture's length.</summary>
    public static float[][] Inverse(ComplexSpectrogram spectrogram, int length) => Stft.Inverse(spectrogram, Config, length);
}
