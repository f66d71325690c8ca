namespace Demix.Evaluation.BssEval;

/// <summary>
/// Picks the assignment of estimates to references with the largest mean SIR, among all permutations in
/// lexicographic order (itertools.permutations), keeping the first on ties, as mir_eval and museval do.
/// </summary>
internal static class PermutationSelector
{
    /// <summary>All permutations of 0..n-1 in lexicographic order; only the identity when <paramref name="search"/> is false.</summary>
    public static int[][] Candidates(int n, bool search)
    {
        var identity = Enumerable.Range(0, n).ToArray();
        if (!search) return [identity];
        var result = new List<int[]>();
        Permute(identity, 0, result);
        return result.OrderBy(p => p, Comparer<int[]>.Create(CompareLexicographic)).ToArray();
    }

    private static void Permute(int[] current, int k, List<int[]> result)
    {
        if (k == current.Length) { result.Add((int[])current.Clone()); return; }
        for (int i = k; i < current.Length; i++)
        {
            (current[k], current[i]) = (current[i], current[k]);
            Permute(current, k + 1, result);
            (current[k], current[i]) = (current[i], current[k]);
        }
    }

    private static int CompareLexicographic(int[] x, int[] y)
    {
        for (int i = 0; i < x.Length; i++) if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return 0;
    }

    /// <summary>
    /// The best candidate given SIR[true][estimate][window] over the windows in <paramref name="windows"/>;
    /// NaN windows are skipped. Returns null when every window is NaN.
    /// </summary>
    public static int[]? Best(int[][] candidates, double[][][] sir, IEnumerable<int> windows)
    {
        int[] valid = windows.Where(t => !double.IsNaN(sir[0][candidates[0][0]][t])).ToArray();
        if (valid.Length == 0) return null;
        int[]? best = null;
        double bestMean = double.NegativeInfinity;
        foreach (int[] permutation in candidates)
        {
            double sum = 0;
            foreach (int t in valid)
                for (int j = 0; j < permutation.Length; j++) sum += sir[j][permutation[j]][t];
            double mean = sum / (valid.Length * permutation.Length);
            if (best is null || mean > bestMean) { best = permutation; bestMean = mean; }
        }
        return best;
    }
}
