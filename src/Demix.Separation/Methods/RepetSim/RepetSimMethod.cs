using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Method <c>repet-sim</c>: REPET-SIM (Rafii and Pardo 2012) on a Hamming-windowed STFT with 50 % overlap,
/// streamed with a similarity search window of <see cref="RepetSimOptions.SearchWindowSeconds"/> (so its
/// latency and memory are half a window of frames). Works on any channel count: similarity on the channel
/// mean, masks per channel, as the reference code does.
/// </summary>
public sealed class RepetSimMethod : ISeparationMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "repet-sim";

    /// <summary>Creates the method.</summary>
    /// <param name="options">Parameters (published defaults when null).</param>
    /// <param name="channelCount">Channels processed (2 by default; 1 for mono material).</param>
    /// <param name="wholeSong">True for the published whole-song search (memory grows with the song).</param>
    public RepetSimMethod(RepetSimOptions? options = null, int channelCount = 2, bool wholeSong = false)
    {
        Options = options ?? new RepetSimOptions();
        Options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        ChannelCount = channelCount;
        WholeSong = wholeSong;
    }

    /// <summary>The parameters in use.</summary>
    public RepetSimOptions Options { get; }

    /// <summary>True when similar frames are searched over the whole song instead of the window.</summary>
    public bool WholeSong { get; }

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public int? SampleRate => null;

    /// <inheritdoc />
    public int ChannelCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <inheritdoc />
    public ISeparationStream Open(int sampleRate)
    {
        int fftSize = Options.FftSize(sampleRate);
        ISpectralProcessor processor = WholeSong
            ? new WholeSongRepetSimProcessor(Options, sampleRate)
            : new RepetSimProcessor(Options, ChannelCount, sampleRate);
        return new SpectralProcessorStream(processor, ChannelCount, 
            new StftConfig(fftSize, fftSize / 2, WindowKind.HammingPeriodic, center: true, PadMode.Zero));
    }
}
