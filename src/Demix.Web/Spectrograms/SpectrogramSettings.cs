using Demix.Imaging.Colour;

namespace Demix.Web.Spectrograms;

/// <summary>How a spectrogram image is computed and drawn.</summary>
public sealed record SpectrogramSettings
{
    /// <summary>Width of the whole image in pixels (ignored when <see cref="PixelsPerSecond"/> is set).</summary>
    public int Width { get; init; } = 900;

    /// <summary>Height of the whole image in pixels (with axes, the plot area is smaller).</summary>
    public int Height { get; init; } = 400;

    /// <summary>Columns of the plot area per second of audio; null fits the song into <see cref="Width"/>.</summary>
    public double? PixelsPerSecond { get; init; }

    /// <summary>Bottom of the frequency axis in Hz.</summary>
    public double LowHertz { get; init; }

    /// <summary>Top of the frequency axis in Hz; null means the Nyquist frequency.</summary>
    public double? HighHertz { get; init; }

    /// <summary>Row spacing: linear in Hz or mel.</summary>
    public FrequencyScale Scale { get; init; } = FrequencyScale.Linear;

    /// <summary>Colour of each dB value (grey images ignore it).</summary>
    public ColourMap ColourMap { get; init; } = ColourMap.Magma;

    /// <summary>Level drawn darkest, dB relative to a full-scale sine.</summary>
    public double MinDecibels { get; init; } = -90;

    /// <summary>Level drawn brightest, dB relative to a full-scale sine.</summary>
    public double MaxDecibels { get; init; }

    /// <summary>The channel drawn (0-based), or null to mix all channels to mono first.</summary>
    public int? Channel { get; init; }

    /// <summary>STFT size in samples (a power of two); the hop is a quarter of it.</summary>
    public int FftSize { get; init; } = 2048;

    /// <summary>Draw axes with Hz and second labels and a colour bar; false gives the bare image.</summary>
    public bool Axes { get; init; } = true;

    /// <summary>Title drawn above the plot (axes only).</summary>
    public string Title { get; init; } = "";

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Width is < 16 or > 100_000 || Height is < 16 or > 10_000) throw new ArgumentException($"Image size {Width}x{Height}: give 16 to 100000 by 16 to 10000 pixels.");
        if (PixelsPerSecond is double pps && !(pps > 0 && pps <= 10_000)) throw new ArgumentException($"Pixels per second {pps}: give more than 0, at most 10000.");
        if (!(LowHertz >= 0) || HighHertz is double high && !(high > LowHertz)) throw new ArgumentException($"Frequency band {LowHertz} to {HighHertz} Hz is empty.");
        if (!(MaxDecibels > MinDecibels) || !double.IsFinite(MinDecibels) || !double.IsFinite(MaxDecibels)) throw new ArgumentException($"dB range {MinDecibels} to {MaxDecibels} is empty.");
        if (Channel is < 0) throw new ArgumentException($"Channel {Channel}: channels count from 0.");
        if (FftSize < 64 || FftSize > 65536 || (FftSize & (FftSize - 1)) != 0) throw new ArgumentException($"FFT size {FftSize}: give a power of two from 64 to 65536.");
    }
}
