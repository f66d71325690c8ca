using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>Writes one 32-float row of a register tile into C: C = acc, or C = acc + beta * C.</summary>
internal static unsafe class TileStore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Row(float* row, Vector512<float> lo, Vector512<float> hi, Vector512<float> beta, bool overwrite)
    {
        if (overwrite)
        {
            lo.Store(row);
            hi.Store(row + 16);
            return;
        }

        Vector512.FusedMultiplyAdd(beta, Vector512.Load(row), lo).Store(row);
        Vector512.FusedMultiplyAdd(beta, Vector512.Load(row + 16), hi).Store(row + 16);
    }
}
