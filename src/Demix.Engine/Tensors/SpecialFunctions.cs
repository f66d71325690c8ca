namespace Demix.Engine.Tensors;

/// <summary>Special functions the BCL lacks, in float64.</summary>
public static class SpecialFunctions
{
    /// <summary>
    /// Complementary error function, Chebyshev-fitted form (Numerical Recipes 3rd ed., section 6.2, erfc with
    /// fractional error below 1.2e-7 everywhere).
    /// </summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 2.0 / (2.0 + z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double result = t * Math.Exp(poly);
        return x >= 0 ? result : 2.0 - result;
    }

    /// <summary>Error function, 1 - erfc(x).</summary>
    public static double Erf(double x) => 1.0 - Erfc(x);
}
