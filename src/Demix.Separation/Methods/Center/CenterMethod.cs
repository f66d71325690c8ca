using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Center;

/// <summary>
/// Method <c>center</c>: stereo-preserving frequency-domain centre extraction (see <see cref="CenterProcessor"/>)
/// on a Hann-windowed STFT with 75 % overlap, streamed frame by frame (no look-ahead).
/// </summary>
public sealed class CenterMethod : ISeparationMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "center";

    /// <summary>Creates the method with <paramref name="options"/> (defaults when null).</summary>
    public CenterMethod(CenterOptions? options = null)
    {
        Options = options ?? new CenterOptions();
        Options.Validate();
    }

    /// <summary>The parameters in use.</summary>
    public CenterOptions Options { get; }

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public int? SampleRate => null;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <inheritdoc />
    public ISeparationStream Open(int sampleRate)
    {
        int fftSize = Options.FftSize(sampleRate);
        return new SpectralProcessorStream(new CenterProcessor(Options, sampleRate), ChannelCount,
            new StftConfig(fftSize, fftSize / 4, WindowKind.HannPeriodic, center: true, PadMode.Zero));
    }
}
