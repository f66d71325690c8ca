using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Tests.BssEval;

public sealed class CorrelationBankTests
{
    [Fact]
    public void Compute_SeveralFftBlocks_MatchesDirectSums()
    {
        const int taps = 16, start = 1234, length = 17000;
        var random = new Random(5);
        double[][] references = [Signal(random, 20000), Signal(random, 20000)];
        double[][] estimates = [Signal(random, 20000)];

        var bank = CorrelationBank.Compute(references, estimates, start, length, taps);

        foreach (var (p, a, q, b) in new[] { (0, 0, 0, 0), (0, 3, 1, 15), (1, 15, 0, 2), (1, 7, 1, 7), (0, 15, 0, 0) })
            Assert.Equal(Delayed(references[p], a, references[q], b, start, length), bank.Gram(p, a, q, b), 1e-9);
        for (int a = 0; a < taps; a += 5)
            Assert.Equal(Delayed(references[1], a, estimates[0], 0, start, length), bank.EstimateCorrelation(1, 0)[a], 1e-9);
    }

    private static double[] Signal(Random random, int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();

    /// <summary>sum_n x[n - a] y[n - b] over the range, signals zero outside it.</summary>
    private static double Delayed(double[] x, int a, double[] y, int b, int start, int length)
    {
        double sum = 0;
        for (int n = 0; n < length + 32; n++)
        {
            int i = n - a, j = n - b;
            if (i >= 0 && i < length && j >= 0 && j < length) sum += x[start + i] * y[start + j];
        }
        return sum;
    }
}
