namespace Demix.Dsp.Masking;

/// <summary>
/// A 2x2 Hermitian matrix [[a, b], [conj b, d]] with real a, d and complex b = (BRe, BIm), float64.
/// </summary>
internal readonly record struct Hermitian2x2(double A, double D, double BRe, double BIm)
{
    /// <summary>
    /// y = v (this) (inverse) x for a 2-vector x: the multichannel Wiener gain v_j R_j C_x^{-1} applied to the
    /// mixture. The product of two Hermitian matrices is not Hermitian, so all four entries are formed.
    /// </summary>
    public (double Y0Re, double Y0Im, double Y1Re, double Y1Im) GainTimes(Hermitian2x2 inverse, double v, (double Re, double Im) x0, (double Re, double Im) x1)
    {
        // G = R P with R = [[A, B], [B*, D]], P = [[p, q], [q*, s]].
        double p = inverse.A, s = inverse.D, qr = inverse.BRe, qi = inverse.BIm;
        // G00 = A p + B conj(q)
        double g00r = A * p + (BRe * qr + BIm * qi), g00i = BIm * qr - BRe * qi;
        // G01 = A q + B s
        double g01r = A * qr + BRe * s, g01i = A * qi + BIm * s;
        // G10 = conj(B) p + D conj(q)
        double g10r = BRe * p + D * qr, g10i = -BIm * p - D * qi;
        // G11 = conj(B) q + D s
        double g11r = (BRe * qr + BIm * qi) + D * s, g11i = BRe * qi - BIm * qr;
        double y0r = g00r * x0.Re - g00i * x0.Im + g01r * x1.Re - g01i * x1.Im;
        double y0i = g00r * x0.Im + g00i * x0.Re + g01r * x1.Im + g01i * x1.Re;
        double y1r = g10r * x0.Re - g10i * x0.Im + g11r * x1.Re - g11i * x1.Im;
        double y1i = g10r * x0.Im + g10i * x0.Re + g11r * x1.Im + g11i * x1.Re;
        return (v * y0r, v * y0i, v * y1r, v * y1i);
    }
}
