namespace Demix.Engine.Kernels;

/// <summary>
/// A right-hand operand op(B) [k, n] copied once into the SGEMM's panel layout, for products that reuse the
/// same matrix many times with a changing left operand (a recurrent weight over the time steps of a sequence,
/// a layer's weight over the batches of an epoch). Use with <see cref="Gemm.SgemmPacked"/>; the copy is not
/// updated when the source changes (pack again after an optimizer step).
/// </summary>
public sealed unsafe class PackedMatrix
{
    private readonly float[] panels;

    private PackedMatrix(int k, int n, int panelWidth, int kStep, float[] panels)
    {
        (K, N, PanelWidth, KStep, this.panels) = (k, n, panelWidth, kStep, panels);
    }

    /// <summary>Rows of op(B) (the depth of the product).</summary>
    public int K { get; }

    /// <summary>Columns of op(B).</summary>
    public int N { get; }

    internal int PanelWidth { get; }

    internal int KStep { get; }

    /// <summary>Floats of one depth block per row of depth: the padded column count.</summary>
    internal nint PanelFloats => (nint)(N + PanelWidth - 1) / PanelWidth * PanelWidth;

    /// <summary>Packs op(B): B stored [k, n] (ldb >= n), or [n, k] (ldb >= k) when <paramref name="transposeB"/>.</summary>
    /// <exception cref="ArgumentException">A size is negative, ldb too small or b too short.</exception>
    public static PackedMatrix Pack(bool transposeB, int k, int n, ReadOnlySpan<float> b, int ldb)
    {
        GemmValidation.Check(false, transposeB, 1, n, k, Math.Max(1, k), Math.Max(1, k), b.Length, ldb, Math.Max(1, n), Math.Max(1, n));
        return MicroKernel512.IsSupported
            ? PackFor<MicroKernel512>(transposeB, k, n, b, ldb)
            : MicroKernel256.IsSupported ? PackFor<MicroKernel256>(transposeB, k, n, b, ldb) : PackFor<MicroKernelScalar>(transposeB, k, n, b, ldb);
    }

    private static PackedMatrix PackFor<TK>(bool transposeB, int k, int n, ReadOnlySpan<float> b, int ldb)
        where TK : struct, IMicroKernel
    {
        int kStep = GemmBlocked<TK>.KStep(k);
        nint panelFloats = (nint)(n + TK.Nr - 1) / TK.Nr * TK.Nr;
        float[] panels = GC.AllocateUninitializedArray<float>(checked((int)(panelFloats * k)), pinned: true);
        fixed (float* pb = b)
        fixed (float* dst = panels)
        {
            var g = new GemmArgs(false, transposeB, 1, n, k, 1f, null, 1, pb, ldb, 0f, null, 1);
            for (int pc = 0; pc < k; pc += kStep)
            {
                int kc = Math.Min(kStep, k - pc);
                GemmPacking.PackB(g, pc, kc, 0, n, TK.Nr, dst + pc * panelFloats);
            }
        }

        return new PackedMatrix(k, n, TK.Nr, kStep, panels);
    }

    /// <summary>The panels of depth block starting at pc (pinned for the object's lifetime).</summary>
    internal float* Block(int pc)
    {
        fixed (float* p = panels)
        {
            return p + pc * PanelFloats; // the array is allocated pinned, so the address stays valid
        }
    }
}
