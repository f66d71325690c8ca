using Demix.Separation.Pipeline;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Repet;

/// <summary>
/// A whole-track masking method (REPET, HPSS, RPCA) as an <see cref="ISeparationMethod"/>: STFT with the given window,
/// masks from an <see cref="IVocalMaskModel"/>, stems vocals and accompaniment (which add up to the mixture).
/// </summary>
public sealed class MaskedMethod : ISeparationMethod
{
    private readonly Func<int, (int FftSize, int HopSize, float[] Window)> framing;

    /// <summary>Creates the method.</summary>
    /// <param name="name">The name after <c>--method</c>.</param>
    /// <param name="model">The mask model.</param>
    /// <param name="framing">Sample rate -> FFT size, hop and analysis window.</param>
    public MaskedMethod(string name, IVocalMaskModel model, Func<int, (int FftSize, int HopSize, float[] Window)> framing)
    {
        Name = name;
        Model = model;
        this.framing = framing;
    }

    /// <summary>The mask model.</summary>
    public IVocalMaskModel Model { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int? SampleRate => null;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <inheritdoc />
    public ISeparationStream Open(int sampleRate)
    {
        var (fftSize, hopSize, window) = framing(sampleRate);
        return new SpectralProcessorStream(new WholeTrackMaskProcessor(Model, sampleRate, fftSize), ChannelCount,
            SpectralProcessorStream.Framing(window, hopSize));
    }

    /// <summary>The next power of two of <paramref name="seconds"/> at <paramref name="sampleRate"/>, at least 16.</summary>
    public static int PowerOfTwo(double seconds, int sampleRate)
    {
        int size = 16;
        while (size < seconds * sampleRate) size <<= 1;
        return size;
    }
}
