using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.BssEval;

/// <summary>Chooses the permutation (per window with per-window filters, once otherwise) and lays the ratios out per source.</summary>
internal static class ResultAssembler
{
    /// <summary>Builds the result from ratios[window][pair] (null for silent windows).</summary>
    public static BssEvalResult Assemble(Ratios[]?[] ratios, SourcePair[] pairs, int[][] candidates,
        IReadOnlyList<(int Start, int Length)> windows, int sourceCount, FilterEstimation filters, SolverPath path)
    {
        int count = windows.Count;
        var pairIndex = new Dictionary<SourcePair, int>();
        for (int i = 0; i < pairs.Length; i++) pairIndex[pairs[i]] = i;
        var sir = new double[sourceCount][][];
        for (int j = 0; j < sourceCount; j++)
        {
            sir[j] = new double[sourceCount][];
            for (int e = 0; e < sourceCount; e++)
            {
                sir[j][e] = new double[count];
                for (int t = 0; t < count; t++)
                    sir[j][e][t] = pairIndex.TryGetValue(new SourcePair(j, e), out int i) && ratios[t] is { } r ? r[i].Sir : double.NaN;
            }
        }
        var permutation = new int[count][];
        int[]? global = filters == FilterEstimation.WholeSignal ? PermutationSelector.Best(candidates, sir, Enumerable.Range(0, count)) : null;
        for (int t = 0; t < count; t++)
        {
            int[]? chosen = ratios[t] is null ? null : global ?? PermutationSelector.Best(candidates, sir, [t]);
            permutation[t] = chosen ?? Enumerable.Repeat(-1, sourceCount).ToArray();
        }
        return Layout(ratios, pairIndex, permutation, windows, sourceCount, path);
    }

    private static BssEvalResult Layout(Ratios[]?[] ratios, Dictionary<SourcePair, int> pairIndex, int[][] permutation,
        IReadOnlyList<(int Start, int Length)> windows, int sourceCount, SolverPath path)
    {
        int count = windows.Count;
        double[][] sdr = Grid(sourceCount, count), isr = Grid(sourceCount, count), sir = Grid(sourceCount, count), sar = Grid(sourceCount, count);
        for (int t = 0; t < count; t++)
        {
            for (int j = 0; j < sourceCount; j++)
            {
                Ratios r = ratios[t] is { } row && permutation[t][j] >= 0 ? row[pairIndex[new SourcePair(j, permutation[t][j])]] : Ratios.Missing;
                sdr[j][t] = r.Sdr; isr[j][t] = r.Isr; sir[j][t] = r.Sir; sar[j][t] = r.Sar;
            }
        }
        return new BssEvalResult(sdr, isr, sir, sar, permutation, windows, path);
    }

    private static double[][] Grid(int rows, int columns)
    {
        var grid = new double[rows][];
        for (int i = 0; i < rows; i++) grid[i] = new double[columns];
        return grid;
    }
}
