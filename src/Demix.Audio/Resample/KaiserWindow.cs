namespace Demix.Audio;

/// <summary>The Kaiser window and its design formulas (Kaiser 1974; Oppenheim and Schafer, 3rd ed., section 7.6).</summary>
internal static class KaiserWindow
{
    /// <summary>The shape parameter beta for a stopband attenuation of <paramref name="attenuationDb"/> dB.</summary>
    public static double Beta(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21),
        _ => 0,
    };

    /// <summary>Filter length (taps) for an attenuation in dB and a transition width in cycles per sample.</summary>
    public static double Length(double attenuationDb, double transitionCyclesPerSample) =>
        (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionCyclesPerSample);

    /// <summary>The window at <paramref name="x"/> in [-1, 1] (0 outside): I0(beta sqrt(1 - x^2)) / I0(beta).</summary>
    public static double Value(double x, double beta)
    {
        if (Math.Abs(x) > 1) return 0;
        return BesselI0(beta * Math.Sqrt(1 - x * x)) / BesselI0(beta);
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (converges for all x).</summary>
    public static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (int k = 1; k < 500; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
