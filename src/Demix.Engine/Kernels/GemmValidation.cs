namespace Demix.Engine.Kernels;

/// <summary>Argument checks shared by the SGEMM entry points: sizes, leading dimensions and span lengths.</summary>
internal static class GemmValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first operand that does not fit.</summary>
    public static void Check(bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sgemm sizes must not be negative (m={m}, n={n}, k={k}).");
        }

        CheckOperand("A", transposeA ? k : m, transposeA ? m : k, aLength, lda);
        CheckOperand("B", transposeB ? n : k, transposeB ? k : n, bLength, ldb);
        CheckOperand("C", m, n, cLength, ldc);
    }

    private static void CheckOperand(string name, int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentException(
                $"Sgemm: leading dimension of {name} is {ld}, but its stored rows have {cols} elements.");
        }

        if (rows == 0 || cols == 0)
        {
            return;
        }

        long needed = (long)(rows - 1) * ld + cols;
        if (length < needed)
        {
            throw new ArgumentException(
                $"Sgemm: {name} holds {length} elements, but [{rows}, {cols}] with leading dimension {ld} needs {needed}.");
        }
    }
}
