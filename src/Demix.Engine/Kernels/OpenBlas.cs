using System.Runtime.InteropServices;

namespace Demix.Engine.Kernels;

/// <summary>
/// Optional binding to OpenBLAS's cblas_sgemm, probed once with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>
/// (libopenblas.so.0, e.g. Debian's libopenblas0). Nothing fails when the library is absent.
/// </summary>
internal static unsafe class OpenBlas
{
    private const int RowMajor = 101;
    private const int NoTrans = 111;
    private const int Trans = 112;

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> SgemmPointer = Probe();

    /// <summary>Whether cblas_sgemm was found.</summary>
    public static bool IsAvailable => SgemmPointer != null;

    /// <summary>The product through cblas_sgemm (row-major); requires <see cref="IsAvailable"/>.</summary>
    public static void Sgemm(in GemmArgs g)
    {
        SgemmPointer(RowMajor, g.TransposeA ? Trans : NoTrans, g.TransposeB ? Trans : NoTrans,
            g.M, g.N, g.K, g.Alpha, g.A, (int)g.Lda, g.B, (int)g.Ldb, g.Beta, g.C, (int)g.Ldc);
    }

    private static delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Probe()
    {
        foreach (string name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas" })
        {
            if (NativeLibrary.TryLoad(name, out IntPtr handle)
                && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out IntPtr export))
            {
                return (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)export;
            }
        }

        return null;
    }
}
