namespace Demix.Evaluation.Tests;

/// <summary>Comparison of dB values that may be NaN or infinite.</summary>
internal static class AssertDb
{
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):E2} > {tolerance:E1})");
    }
}
