namespace Demix.Evaluation.BssEval;

/// <summary>The four BSS Eval ratios of one pairing and window, in dB.</summary>
internal readonly record struct Ratios(double Sdr, double Isr, double Sir, double Sar)
{
    /// <summary>All four NaN (a silent window).</summary>
    public static Ratios Missing => new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The ratios of <paramref name="terms"/> in the chosen decomposition (museval's <c>_bss_crit</c>).</summary>
    public static Ratios From(in EnergyTerms terms, Decomposition decomposition)
    {
        return decomposition == Decomposition.Images
            ? new Ratios(Db(terms.Target, terms.Distortion), Db(terms.Target, terms.Spatial),
                Db(terms.OwnImage, terms.Interference), Db(terms.AllImage, terms.Artifacts))
            : new Ratios(Db(terms.OwnImage, terms.OwnResidual), double.NaN,
                Db(terms.OwnImage, terms.Interference), Db(terms.AllImage, terms.Artifacts));
    }

    /// <summary>10 log10(numerator / denominator); +infinity when the denominator is exactly zero.</summary>
    public static double Db(double numerator, double denominator)
    {
        return denominator == 0 ? double.PositiveInfinity : 10.0 * Math.Log10(numerator / denominator);
    }
}
