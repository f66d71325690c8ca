namespace Demix.Audio;

/// <summary>
/// The polyphase table of a Kaiser-windowed sinc low-pass for resampling by the ratio L/M
/// (output rate / input rate reduced by their gcd).
/// </summary>
/// <remarks>
/// Output frame k sits at input time k M / L = n + p / L (n whole, p the phase in 0..L-1), and
/// <c>y[k] = sum_i Phase(p)[i] x[n - HalfTaps + 1 + i]</c>. The prototype is
/// <c>g(t) = 2 fc sinc(2 fc t) kaiser(t / (HalfTaps))</c> with t in input samples and fc in cycles per input sample.
/// Design (at the lower of the two rates): passband to 0.9 x its Nyquist, stopband from its Nyquist, cutoff
/// in between (0.95), 100 dB Kaiser attenuation, hence 2 x 68 taps at the lower rate. Each phase is
/// normalised to unit DC gain. Memory: L x Taps floats.
/// </remarks>
internal sealed class ResamplerKernel
{
    /// <summary>Designed stopband attenuation, in dB (tests measure over 90 dB).</summary>
    public const double AttenuationDb = 100;

    /// <summary>Passband edge as a fraction of the lower rate's Nyquist frequency.</summary>
    public const double PassbandEdge = 0.9;

    /// <summary>The largest L the table is built for (about 8 MB of coefficients at 128 taps).</summary>
    public const int MaxPhaseCount = 16_384;

    private readonly float[] coefficients;

    private ResamplerKernel(int inputRate, int outputRate)
    {
        long gcd = Gcd(inputRate, outputRate);
        Upsampling = (int)(outputRate / gcd);
        Downsampling = (int)(inputRate / gcd);
        if (Upsampling > MaxPhaseCount)
        {
            throw new ArgumentException($"Resampling {inputRate} Hz to {outputRate} Hz needs {Upsampling} filter phases; at most {MaxPhaseCount} are supported.");
        }
        double lowerRate = Math.Min(inputRate, outputRate);
        double transition = (1 - PassbandEdge) / 2; // cycles per lower-rate sample: 0.9 to 1.0 of Nyquist
        int halfTapsAtLowerRate = (int)Math.Ceiling(KaiserWindow.Length(AttenuationDb, transition) / 2) + 4;
        HalfTaps = (int)Math.Ceiling(halfTapsAtLowerRate * inputRate / lowerRate);
        Taps = 2 * HalfTaps;
        double cutoff = (1 + PassbandEdge) / 4 * lowerRate / inputRate; // cycles per input sample
        coefficients = BuildTable(cutoff, KaiserWindow.Beta(AttenuationDb));
    }

    /// <summary>L: the output rate divided by the gcd of the rates (also the number of phases).</summary>
    public int Upsampling { get; }

    /// <summary>M: the input rate divided by the gcd of the rates.</summary>
    public int Downsampling { get; }

    /// <summary>Half the number of input samples each output frame reads.</summary>
    public int HalfTaps { get; }

    /// <summary>Input samples each output frame reads (2 x <see cref="HalfTaps"/>).</summary>
    public int Taps { get; }

    /// <summary>Designs the kernel for resampling <paramref name="inputRate"/> Hz to <paramref name="outputRate"/> Hz.</summary>
    public static ResamplerKernel Create(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        return new ResamplerKernel(inputRate, outputRate);
    }

    /// <summary>The <see cref="Taps"/> coefficients of phase <paramref name="phase"/> (0..L-1).</summary>
    public ReadOnlySpan<float> Phase(int phase) => coefficients.AsSpan(phase * Taps, Taps);

    /// <summary>Output frames made from <paramref name="inputFrames"/> input frames: ceil(inputFrames L / M).</summary>
    public long OutputFrames(long inputFrames) =>
        (long)(((Int128)inputFrames * Upsampling + Downsampling - 1) / Downsampling);

    private float[] BuildTable(double cutoff, double beta)
    {
        var table = new float[Upsampling * Taps];
        var row = new double[Taps];
        for (int phase = 0; phase < Upsampling; phase++)
        {
            double fraction = (double)phase / Upsampling;
            double sum = 0;
            for (int i = 0; i < Taps; i++)
            {
                double t = fraction - (i - HalfTaps + 1); // output time minus input sample time, in input samples
                row[i] = 2 * cutoff * Sinc(2 * cutoff * t) * KaiserWindow.Value(t / HalfTaps, beta);
                sum += row[i];
            }
            for (int i = 0; i < Taps; i++) table[phase * Taps + i] = (float)(row[i] / sum);
        }
        return table;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
