using System.Globalization;
using System.Numerics;

namespace Demix.Evaluation.Results;

/// <summary>
/// museval's <c>_q</c>: the exact binary value of a double rounded to 5 decimals, half to even (Python's
/// <c>Decimal(x).quantize(Decimal('.00001'))</c>), and infinities written as NaN.
/// </summary>
public static class MusevalQuantizer
{
    /// <summary>The quantised value as a JSON number token ("12.44999"), or "NaN".</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value)) return "NaN";
        BigInteger scaled = RoundScaled(value);
        string digits = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(6, '0');
        string text = digits[..^5] + "." + digits[^5..];
        return scaled.Sign < 0 ? "-" + text : text;
    }

    /// <summary>The quantised value as a double (NaN for non-finite input).</summary>
    public static double Quantize(double value) =>
        double.IsFinite(value) ? double.Parse(Format(value), CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>round_half_even(value x 10^5), computed exactly.</summary>
    private static BigInteger RoundScaled(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        int shift = (exponent == 0 ? 1 : exponent) - 1075; // value = mantissa x 2^shift
        BigInteger numerator = new BigInteger(mantissa) * 100000;
        BigInteger result;
        if (shift >= 0) result = numerator << shift;
        else
        {
            BigInteger denominator = BigInteger.One << -shift;
            result = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
            int compare = (remainder * 2).CompareTo(denominator);
            if (compare > 0 || (compare == 0 && !result.IsEven)) result += 1;
        }
        return negative ? -result : result;
    }
}
