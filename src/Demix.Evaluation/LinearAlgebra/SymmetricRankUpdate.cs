using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Evaluation.LinearAlgebra;

/// <summary>
/// The trailing update of a blocked Cholesky, A22 -= L21 L21^T on the lower triangle of a row-major matrix.
/// L21 is packed in column blocks of 16 rows (<c>packed[(block * kb + t) * 16 + r] = L21[16 block + r, t]</c>),
/// so that both operands of the 8 x 16 register tile (16 Vector512 accumulators: 2 loads and 8 broadcasts
/// per 16 FMAs) stream contiguously; without AVX-512, four 4 x 8 Vector256 tiles. Row strips run in parallel;
/// edge tiles use scalar code on the same packed panel.
/// </summary>
internal static class SymmetricRankUpdate
{
    /// <summary>Rows per packed column block.</summary>
    public const int ColumnBlock = 16;

    /// <summary>Packs the transposed panel (<c>panelT[t * rows + i]</c>) into column blocks, zero-padded.</summary>
    public static void Pack(double[] panelT, int rows, int kb, double[] packed)
    {
        int blocks = (rows + ColumnBlock - 1) / ColumnBlock;
        Parallel.For(0, blocks, block =>
        {
            int baseRow = block * ColumnBlock, count = Math.Min(ColumnBlock, rows - baseRow);
            for (int t = 0; t < kb; t++)
            {
                Span<double> target = packed.AsSpan((block * kb + t) * ColumnBlock, ColumnBlock);
                panelT.AsSpan(t * rows + baseRow, count).CopyTo(target);
                target[count..].Clear();
            }
        });
    }

    /// <summary>Updates rows/columns [first, n) of <paramref name="a"/> with the packed kb-column panel.</summary>
    public static void Apply(double[] a, int n, int first, int kb, double[] packed)
    {
        int rows = n - first;
        int strips = (rows + 15) / 16;
        Parallel.For(0, strips, s =>
        {
            int top = 16 * s, bottom = Math.Min(rows, top + 16);
            for (int i = top; i < bottom; i += 8)
            {
                int tileRows = Math.Min(8, bottom - i);
                for (int j = 0; j <= i + tileRows - 1; j += ColumnBlock)
                {
                    bool full = tileRows == 8 && j + ColumnBlock <= rows;
                    if (full && Vector512.IsHardwareAccelerated) Tile512(a, n, first, kb, packed, i, j);
                    else if (full && Vector256.IsHardwareAccelerated) Tile256Region(a, n, first, kb, packed, i, j);
                    else Tile(a, n, first, kb, packed, rows, i, tileRows, j);
                }
            }
        });
    }

    private static void Tile512(double[] a, int n, int first, int kb, double[] packed, int i, int j)
    {
        ref double p = ref MemoryMarshal.GetArrayDataReference(packed);
        nuint aBase = (nuint)((i / ColumnBlock) * kb * ColumnBlock + i % ColumnBlock);
        nuint bBase = (nuint)((j / ColumnBlock) * kb * ColumnBlock);
        Vector512<double> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<double> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default, d5 = default, d6 = default, d7 = default;
        for (nuint t = 0; t < (nuint)kb; t++)
        {
            nuint ao = aBase + t * ColumnBlock, bo = bBase + t * ColumnBlock;
            var b0 = Vector512.LoadUnsafe(ref p, bo);
            var b1 = Vector512.LoadUnsafe(ref p, bo + 8);
            var x = Vector512.Create(Get(ref p, ao)); c0 = Vector512.FusedMultiplyAdd(x, b0, c0); d0 = Vector512.FusedMultiplyAdd(x, b1, d0);
            x = Vector512.Create(Get(ref p, ao + 1)); c1 = Vector512.FusedMultiplyAdd(x, b0, c1); d1 = Vector512.FusedMultiplyAdd(x, b1, d1);
            x = Vector512.Create(Get(ref p, ao + 2)); c2 = Vector512.FusedMultiplyAdd(x, b0, c2); d2 = Vector512.FusedMultiplyAdd(x, b1, d2);
            x = Vector512.Create(Get(ref p, ao + 3)); c3 = Vector512.FusedMultiplyAdd(x, b0, c3); d3 = Vector512.FusedMultiplyAdd(x, b1, d3);
            x = Vector512.Create(Get(ref p, ao + 4)); c4 = Vector512.FusedMultiplyAdd(x, b0, c4); d4 = Vector512.FusedMultiplyAdd(x, b1, d4);
            x = Vector512.Create(Get(ref p, ao + 5)); c5 = Vector512.FusedMultiplyAdd(x, b0, c5); d5 = Vector512.FusedMultiplyAdd(x, b1, d5);
            x = Vector512.Create(Get(ref p, ao + 6)); c6 = Vector512.FusedMultiplyAdd(x, b0, c6); d6 = Vector512.FusedMultiplyAdd(x, b1, d6);
            x = Vector512.Create(Get(ref p, ao + 7)); c7 = Vector512.FusedMultiplyAdd(x, b0, c7); d7 = Vector512.FusedMultiplyAdd(x, b1, d7);
        }
        ref double m = ref MemoryMarshal.GetArrayDataReference(a);
        nuint row = (nuint)((first + i) * n + first + j), stride = (nuint)n;
        Subtract(ref m, row, c0, d0); Subtract(ref m, row + stride, c1, d1);
        Subtract(ref m, row + 2 * stride, c2, d2); Subtract(ref m, row + 3 * stride, c3, d3);
        Subtract(ref m, row + 4 * stride, c4, d4); Subtract(ref m, row + 5 * stride, c5, d5);
        Subtract(ref m, row + 6 * stride, c6, d6); Subtract(ref m, row + 7 * stride, c7, d7);
    }

    private static void Subtract(ref double m, nuint offset, Vector512<double> low, Vector512<double> high)
    {
        (Vector512.LoadUnsafe(ref m, offset) - low).StoreUnsafe(ref m, offset);
        (Vector512.LoadUnsafe(ref m, offset + 8) - high).StoreUnsafe(ref m, offset + 8);
    }

    /// <summary>The 8 x 16 region as four 4 x 8 Vector256 tiles (8 accumulators each, within AVX2's 16 registers).</summary>
    private static void Tile256Region(double[] a, int n, int first, int kb, double[] packed, int i, int j)
    {
        for (int r = 0; r < 8; r += 4)
            for (int c = 0; c < 16; c += 8) Tile256(a, n, first, kb, packed, i + r, j, c);
    }

    private static void Tile256(double[] a, int n, int first, int kb, double[] packed, int i, int j, int columnOffset)
    {
        ref double p = ref MemoryMarshal.GetArrayDataReference(packed);
        nuint aBase = (nuint)((i / ColumnBlock) * kb * ColumnBlock + i % ColumnBlock);
        nuint bBase = (nuint)((j / ColumnBlock) * kb * ColumnBlock + columnOffset);
        Vector256<double> c0 = default, c1 = default, c2 = default, c3 = default, d0 = default, d1 = default, d2 = default, d3 = default;
        for (nuint t = 0; t < (nuint)kb; t++)
        {
            nuint ao = aBase + t * ColumnBlock, bo = bBase + t * ColumnBlock;
            var b0 = Vector256.LoadUnsafe(ref p, bo);
            var b1 = Vector256.LoadUnsafe(ref p, bo + 4);
            var x = Vector256.Create(Get(ref p, ao)); c0 = Vector256.FusedMultiplyAdd(x, b0, c0); d0 = Vector256.FusedMultiplyAdd(x, b1, d0);
            x = Vector256.Create(Get(ref p, ao + 1)); c1 = Vector256.FusedMultiplyAdd(x, b0, c1); d1 = Vector256.FusedMultiplyAdd(x, b1, d1);
            x = Vector256.Create(Get(ref p, ao + 2)); c2 = Vector256.FusedMultiplyAdd(x, b0, c2); d2 = Vector256.FusedMultiplyAdd(x, b1, d2);
            x = Vector256.Create(Get(ref p, ao + 3)); c3 = Vector256.FusedMultiplyAdd(x, b0, c3); d3 = Vector256.FusedMultiplyAdd(x, b1, d3);
        }
        ref double m = ref MemoryMarshal.GetArrayDataReference(a);
        nuint row = (nuint)((first + i) * n + first + j + columnOffset), stride = (nuint)n;
        Subtract256(ref m, row, c0, d0); Subtract256(ref m, row + stride, c1, d1);
        Subtract256(ref m, row + 2 * stride, c2, d2); Subtract256(ref m, row + 3 * stride, c3, d3);
    }

    private static void Subtract256(ref double m, nuint offset, Vector256<double> low, Vector256<double> high)
    {
        (Vector256.LoadUnsafe(ref m, offset) - low).StoreUnsafe(ref m, offset);
        (Vector256.LoadUnsafe(ref m, offset + 4) - high).StoreUnsafe(ref m, offset + 4);
    }

    /// <summary>Portable tile: rows [i, i + tileRows), columns [j, min(j + 16, rows)), lower triangle only.</summary>
    private static void Tile(double[] a, int n, int first, int kb, double[] packed, int rows, int i, int tileRows, int j)
    {
        for (int r = i; r < i + tileRows; r++)
        {
            int aBase = (r / ColumnBlock) * kb * ColumnBlock + r % ColumnBlock;
            int columnEnd = Math.Min(Math.Min(j + ColumnBlock, rows), r + 1);
            for (int c = j; c < columnEnd; c++)
            {
                int bBase = (c / ColumnBlock) * kb * ColumnBlock + c % ColumnBlock;
                double sum = 0;
                for (int t = 0; t < kb; t++) sum += packed[aBase + t * ColumnBlock] * packed[bBase + t * ColumnBlock];
                a[(first + r) * n + first + c] -= sum;
            }
        }
    }

    private static double Get(ref double p, nuint index) => System.Runtime.CompilerServices.Unsafe.Add(ref p, index);
}
