using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.Tests.LinearAlgebra;

public sealed class SymmetricSolverTests
{
    private static (double[] Matrix, double[] Solution, double[] Rhs) RandomSystem(int n, int seed, bool definite)
    {
        var random = new Random(seed);
        int k = n + 5;
        var basis = new double[n, k];
        for (int i = 0; i < n; i++) for (int t = 0; t < k; t++) basis[i, t] = random.NextDouble() - 0.5;
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += basis[i, t] * basis[j, t];
                matrix[i * n + j] = sum + (i == j ? (definite ? 0.5 : -0.5 * k / 12.0 - 1) : 0);
            }
        double[] solution = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var rhs = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) rhs[i] += matrix[i * n + j] * solution[j];
        return (matrix, solution, rhs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(300)]
    [InlineData(530)]
    public void Solve_PositiveDefinite_UsesCholeskyAndRecoversSolution(int n)
    {
        var (matrix, solution, rhs) = RandomSystem(n, n, definite: true);
        var rhsRows = new[] { rhs };
        Assert.Equal(SolverPath.Cholesky, SymmetricSolver.Solve(matrix, n, rhsRows));
        for (int i = 0; i < n; i++) Assert.Equal(solution[i], rhsRows[0][i], 1e-8);
    }

    [Fact]
    public void Solve_Indefinite_FallsBackToPivotedLu()
    {
        const int n = 150;
        var (matrix, solution, rhs) = RandomSystem(n, 3, definite: false);
        var rhsRows = new[] { rhs };
        Assert.Equal(SolverPath.PivotedLu, SymmetricSolver.Solve(matrix, n, rhsRows));
        for (int i = 0; i < n; i++) Assert.Equal(solution[i], rhsRows[0][i], 1e-7);
    }

    [Fact]
    public void Solve_ExactlySingular_ReturnsALeastSquaresSolution()
    {
        // [[1, 1], [1, 1]] x = [2, 2]: any x with x0 + x1 = 2 solves it.
        var rhsRows = new[] { new[] { 2.0, 2.0 } };
        Assert.Equal(SolverPath.Regularized, SymmetricSolver.Solve([1, 1, 1, 1], 2, rhsRows));
        Assert.Equal(2.0, rhsRows[0][0] + rhsRows[0][1], 1e-9);
    }
}
