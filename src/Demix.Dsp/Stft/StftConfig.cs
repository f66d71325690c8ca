namespace Demix.Dsp.Stft;

/// <summary>How the signal is extended beyond its ends when frames are centred.</summary>
public enum PadMode
{
    /// <summary>Mirror without repeating the edge sample (numpy/torch 'reflect').</summary>
    Reflect,

    /// <summary>Zeros (scipy boundary='zeros').</summary>
    Zero,
}

/// <summary>Scaling of the forward transform.</summary>
public enum SpectrumScaling
{
    /// <summary>X[k] = sum_n w[n] x[n] e^{-2 pi i k n / N} (torch, normalized=False).</summary>
    None,

    /// <summary>X divided by sum(w) (scipy.signal.stft scaling='spectrum'); the inverse multiplies it back.</summary>
    Spectrum,
}

/// <summary>
/// Parameters of a short-time Fourier transform. Frame t covers the original samples
/// [t hop - offset, t hop - offset + fftSize) with offset = fftSize/2 when <see cref="Center"/> (extended by
/// <see cref="PadMode"/>) and 0 otherwise; with <see cref="PadEnd"/> zeros are appended so the last samples get a frame.
/// </summary>
public sealed class StftConfig
{
    private readonly float[] window;

    /// <summary>Creates a configuration; the window length equals <paramref name="fftSize"/>.</summary>
    public StftConfig(int fftSize, int hopSize, WindowKind windowKind = WindowKind.HannPeriodic, bool center = true,
        PadMode padMode = PadMode.Reflect, bool padEnd = false, SpectrumScaling scaling = SpectrumScaling.None)
        : this(CheckedSize(fftSize), hopSize, windowKind, Window.Create(windowKind, fftSize), center, padMode, padEnd, scaling)
    {
    }

    /// <summary>
    /// Creates a configuration with explicit window values (copied; their count is the FFT size), for a window no
    /// <see cref="Stft.WindowKind"/> names. <see cref="WindowKind"/> is then <see cref="WindowKind.Custom"/>.
    /// </summary>
    public StftConfig(float[] window, int hopSize, bool center = true, PadMode padMode = PadMode.Reflect, bool padEnd = false,
        SpectrumScaling scaling = SpectrumScaling.None)
        : this(CheckedSize((window ?? throw new ArgumentNullException(nameof(window))).Length), hopSize, WindowKind.Custom,
            (float[])window.Clone(), center, padMode, padEnd, scaling)
    {
    }

    private StftConfig(int fftSize, int hopSize, WindowKind windowKind, float[] window, bool center, PadMode padMode, bool padEnd,
        SpectrumScaling scaling)
    {
        if (hopSize < 1 || hopSize > fftSize)
        {
            throw new ArgumentOutOfRangeException(nameof(hopSize), hopSize, $"The hop size must be between 1 and the FFT size ({fftSize}).");
        }
        FftSize = fftSize;
        HopSize = hopSize;
        WindowKind = windowKind;
        Center = center;
        PadMode = padMode;
        PadEnd = padEnd;
        Scaling = scaling;
        this.window = window;
        WindowSum = window.Sum(v => (double)v);
    }

    /// <summary>The Open-Unmix / torch.stft convention: periodic Hann, center with reflect padding, unscaled.</summary>
    public static StftConfig Torch(int fftSize = 4096, int hopSize = 1024, bool center = true) =>
        new(fftSize, hopSize, WindowKind.HannPeriodic, center, PadMode.Reflect, padEnd: false, SpectrumScaling.None);

    /// <summary>scipy.signal.stft defaults: periodic Hann, hop nperseg/2, boundary zeros, padded, 'spectrum' scaling.</summary>
    public static StftConfig Scipy(int segmentSize = 2048) =>
        new(segmentSize, segmentSize / 2, WindowKind.HannPeriodic, center: true, PadMode.Zero, padEnd: true, SpectrumScaling.Spectrum);

    /// <summary>FFT length N in samples (also the window length).</summary>
    public int FftSize { get; }

    /// <summary>Distance between frame starts in samples.</summary>
    public int HopSize { get; }

    /// <summary>The window shape.</summary>
    public WindowKind WindowKind { get; }

    /// <summary>Whether frame t is centred on sample t hop (the signal is extended by fftSize/2 at both ends).</summary>
    public bool Center { get; }

    /// <summary>How the signal is extended when <see cref="Center"/> is set.</summary>
    public PadMode PadMode { get; }

    /// <summary>Whether zeros are appended so that the frames cover the whole (extended) signal (scipy padded=True).</summary>
    public bool PadEnd { get; }

    /// <summary>Scaling of the forward transform.</summary>
    public SpectrumScaling Scaling { get; }

    /// <summary>Number of one-sided frequency bins, fftSize/2 + 1.</summary>
    public int BinCount => FftSize / 2 + 1;

    /// <summary>The window values (length fftSize). Do not modify.</summary>
    public ReadOnlySpan<float> WindowValues => window;

    /// <summary>Sum of the window values (float64).</summary>
    public double WindowSum { get; }

    /// <summary>Samples of extension before sample 0: fftSize/2 when centred, else 0.</summary>
    public int Offset => Center ? FftSize / 2 : 0;

    /// <summary>Number of frames for a signal of <paramref name="length"/> samples.</summary>
    public int FrameCount(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long extended = length + 2L * Offset;
        long frames = PadEnd
            ? 1 + Math.Max(0, (extended - FftSize + HopSize - 1) / HopSize)
            : extended < FftSize ? 0 : 1 + (extended - FftSize) / HopSize;
        if (frames > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(length), length, "The signal is too long for one spectrogram.");
        return (int)frames;
    }

    private static int CheckedSize(int fftSize)
    {
        if (fftSize < 2 || (fftSize & (fftSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fftSize), fftSize, "The FFT size must be a power of two of at least 2.");
        }
        return fftSize;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"STFT(fft {FftSize}, hop {HopSize}, {WindowKind}, center {Center}, pad {PadMode}, padEnd {PadEnd}, scaling {Scaling})";
}
