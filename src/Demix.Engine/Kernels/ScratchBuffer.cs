namespace Demix.Engine.Kernels;

/// <summary>A per-thread scratch array that grows on demand (im2col columns), so repeated calls do not allocate.</summary>
internal static class ScratchBuffer
{
    [ThreadStatic]
    private static float[]? columns;

    /// <summary>This thread's scratch span of exactly <paramref name="floats"/> elements (contents undefined).</summary>
    public static Span<float> Columns(long floats)
    {
        if (columns is null || columns.Length < floats)
        {
            columns = GC.AllocateUninitializedArray<float>(checked((int)floats));
        }

        return columns.AsSpan(0, (int)floats);
    }
}
