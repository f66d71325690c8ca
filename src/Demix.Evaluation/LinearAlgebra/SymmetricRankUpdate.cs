using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Evaluation.LinearAlgebra;

/// <summary>
/// The trailing update of a blocked Cholesky: A22 -= L21 L21^T on the lower triangle of a row-major
/// matrix, with L21 given transposed (<c>panelT[t * rows + i] = L21[i, t]</c>). Tiles of 4 rows x 2 vectors
/// keep 8 accumulators in registers; strips of rows run in parallel.
/// </summary>
internal static class SymmetricRankUpdate
{
    private const int TileRows = 4;

    /// <summary>Updates rows/columns [first, n) of <paramref name="a"/> with the kb-column panel.</summary>
    public static void Apply(double[] a, int n, int first, int kb, double[] panelT)
    {
        int rows = n - first;
        int strips = (rows + 31) / 32;
        Parallel.For(0, strips, s =>
        {
            int stripEnd = Math.Min(rows, 32 * (s + 1));
            for (int i = 32 * s; i < stripEnd; i += TileRows)
            {
                int tileRows = Math.Min(TileRows, stripEnd - i);
                UpdateRows(a, n, first, kb, panelT, rows, i, tileRows);
            }
        });
    }

    private static void UpdateRows(double[] a, int n, int first, int kb, double[] panelT, int rows, int i, int tileRows)
    {
        int columnEnd = i + tileRows; // lower triangle: columns up to the last row of the tile
        int j = 0;
        if (tileRows == TileRows)
        {
            if (Vector512.IsHardwareAccelerated)
                for (; j + 16 <= columnEnd; j += 16) Tile512(a, n, first, kb, panelT, rows, i, j);
            else if (Vector256.IsHardwareAccelerated)
                for (; j + 8 <= columnEnd; j += 8) Tile256(a, n, first, kb, panelT, rows, i, j);
        }
        for (int r = i; r < i + tileRows; r++)
        {
            for (int c = j; c <= r; c++)
            {
                double sum = 0;
                for (int t = 0; t < kb; t++) sum += panelT[t * rows + r] * panelT[t * rows + c];
                a[(first + r) * n + first + c] -= sum;
            }
        }
    }

    private static void Tile512(double[] a, int n, int first, int kb, double[] panelT, int rows, int i, int j)
    {
        ref double p = ref MemoryMarshal.GetArrayDataReference(panelT);
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int t = 0; t < kb; t++)
        {
            nuint rowStart = (nuint)(t * rows);
            var b0 = Vector512.LoadUnsafe(ref p, rowStart + (nuint)j);
            var b1 = Vector512.LoadUnsafe(ref p, rowStart + (nuint)j + 8);
            var a0 = Vector512.Create(Unsafe(ref p, rowStart + (nuint)i));
            var a1 = Vector512.Create(Unsafe(ref p, rowStart + (nuint)i + 1));
            var a2 = Vector512.Create(Unsafe(ref p, rowStart + (nuint)i + 2));
            var a3 = Vector512.Create(Unsafe(ref p, rowStart + (nuint)i + 3));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00); c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10); c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20); c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30); c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
        }
        ref double m = ref MemoryMarshal.GetArrayDataReference(a);
        Subtract512(ref m, (nuint)((first + i) * n + first + j), c00, c01);
        Subtract512(ref m, (nuint)((first + i + 1) * n + first + j), c10, c11);
        Subtract512(ref m, (nuint)((first + i + 2) * n + first + j), c20, c21);
        Subtract512(ref m, (nuint)((first + i + 3) * n + first + j), c30, c31);
    }

    private static void Subtract512(ref double m, nuint offset, Vector512<double> low, Vector512<double> high)
    {
        (Vector512.LoadUnsafe(ref m, offset) - low).StoreUnsafe(ref m, offset);
        (Vector512.LoadUnsafe(ref m, offset + 8) - high).StoreUnsafe(ref m, offset + 8);
    }

    private static void Tile256(double[] a, int n, int first, int kb, double[] panelT, int rows, int i, int j)
    {
        ref double p = ref MemoryMarshal.GetArrayDataReference(panelT);
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int t = 0; t < kb; t++)
        {
            nuint rowStart = (nuint)(t * rows);
            var b0 = Vector256.LoadUnsafe(ref p, rowStart + (nuint)j);
            var b1 = Vector256.LoadUnsafe(ref p, rowStart + (nuint)j + 4);
            var a0 = Vector256.Create(Unsafe(ref p, rowStart + (nuint)i));
            var a1 = Vector256.Create(Unsafe(ref p, rowStart + (nuint)i + 1));
            var a2 = Vector256.Create(Unsafe(ref p, rowStart + (nuint)i + 2));
            var a3 = Vector256.Create(Unsafe(ref p, rowStart + (nuint)i + 3));
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00); c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10); c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20); c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30); c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
        }
        ref double m = ref MemoryMarshal.GetArrayDataReference(a);
        Subtract256(ref m, (nuint)((first + i) * n + first + j), c00, c01);
        Subtract256(ref m, (nuint)((first + i + 1) * n + first + j), c10, c11);
        Subtract256(ref m, (nuint)((first + i + 2) * n + first + j), c20, c21);
        Subtract256(ref m, (nuint)((first + i + 3) * n + first + j), c30, c31);
    }

    private static void Subtract256(ref double m, nuint offset, Vector256<double> low, Vector256<double> high)
    {
        (Vector256.LoadUnsafe(ref m, offset) - low).StoreUnsafe(ref m, offset);
        (Vector256.LoadUnsafe(ref m, offset + 4) - high).StoreUnsafe(ref m, offset + 4);
    }

    private static double Unsafe(ref double p, nuint index) => System.Runtime.CompilerServices.Unsafe.Add(ref p, index);
}
