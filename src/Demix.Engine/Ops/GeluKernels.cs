using System.Numerics;
using Demix.Engine.Tensors;

namespace Demix.Engine.Ops;

/// <summary>
/// Exact (erf) GELU and its derivative in SIMD float: Φ(x) = erfc(-x/√2) / 2 with the Chebyshev-fitted erfc of
/// Numerical Recipes (fractional error below 1.2e-7) evaluated on whole vectors; the scalar tail uses float64.
/// </summary>
internal static class GeluKernels
{
    private const float InvSqrt2 = 0.70710678f;
    private const float InvSqrt2Pi = 0.39894228f;

    /// <summary>y = x Φ(x).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            (var cdf, _) = CdfAndExp(v);
            (v * cdf).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++) y[i] = (float)(0.5 * x[i] * SpecialFunctions.Erfc(-x[i] / Math.Sqrt(2.0)));
    }

    /// <summary>dx = g (Φ(x) + x φ(x)).</summary>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> dx)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            (var cdf, var gauss) = CdfAndExp(v);
            var slope = cdf + v * gauss * new Vector<float>(InvSqrt2Pi);
            (new Vector<float>(g[i..]) * slope).CopyTo(dx[i..]);
        }
        for (; i < x.Length; i++)
        {
            double v = x[i], cdf = 0.5 * SpecialFunctions.Erfc(-v / Math.Sqrt(2.0));
            dx[i] = (float)(g[i] * (cdf + v * 0.3989422804014327 * Math.Exp(-0.5 * v * v)));
        }
    }

    /// <summary>(Φ(x), exp(-x²/2)) for a vector.</summary>
    private static (Vector<float> Cdf, Vector<float> Gauss) CdfAndExp(Vector<float> x)
    {
        var z = Vector.Abs(x) * new Vector<float>(InvSqrt2);
        var two = new Vector<float>(2f);
        var t = two / (two + z);
        var poly = Horner(t);
        var squared = z * z;
        var gauss = Vector.Exp(-squared);
        var erfcAbs = t * Vector.Exp(poly - squared);
        // erfc(-x/√2) is erfcAbs for x <= 0 and 2 - erfcAbs for x > 0.
        var erfc = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), two - erfcAbs, erfcAbs);
        return (erfc * new Vector<float>(0.5f), gauss);
    }

    private static Vector<float> Horner(Vector<float> t)
    {
        ReadOnlySpan<float> c = [-1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f, -0.18628806f, 0.27886807f, -1.13520398f, 1.48851587f, -0.82215223f, 0.17087277f];
        var p = new Vector<float>(c[^1]);
        for (int k = c.Length - 2; k >= 0; k--) p = p * t + new Vector<float>(c[k]);
        return p;
    }
}
