namespace Demix.Web.Spectrograms;

/// <summary>How image rows are spaced along the frequency axis.</summary>
public enum FrequencyScale
{
    /// <summary>Rows evenly spaced in Hz.</summary>
    Linear,

    /// <summary>Rows evenly spaced in mel (HTK formula, <see cref="MelScale"/>): more rows for low frequencies.</summary>
    Mel,
}

/// <summary>The HTK mel scale: <c>mel = 2595 log10(1 + hz / 700)</c>.</summary>
public static class MelScale
{
    /// <summary>Mel value of <paramref name="hertz"/>.</summary>
    public static double FromHertz(double hertz) => 2595.0 * Math.Log10(1.0 + hertz / 700.0);

    /// <summary>Frequency in Hz of <paramref name="mel"/>.</summary>
    public static double ToHertz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
}
