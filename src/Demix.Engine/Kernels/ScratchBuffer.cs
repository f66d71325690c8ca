namespace Demix.Engine.Kernels;

/// <summary>Per-thread scratch arrays that grow on demand (im2col columns, partial sums), so repeated calls do not allocate.</summary>
internal static class ScratchBuffer
{
    [ThreadStatic]
    private static float[]? columns;

    [ThreadStatic]
    private static float[]? partials;

    /// <summary>This thread's scratch span of exactly <paramref name="floats"/> elements (contents undefined).</summary>
    public static Span<float> Columns(long floats)
    {
        if (columns is null || columns.Length < floats)
        {
            columns = GC.AllocateUninitializedArray<float>(checked((int)floats));
        }

        return columns.AsSpan(0, (int)floats);
    }

    /// <summary>This thread's second scratch array (per-worker partial sums), at least <paramref name="floats"/> long, pinned.</summary>
    public static float[] Partials(long floats)
    {
        if (partials is null || partials.Length < floats)
        {
            partials = GC.AllocateUninitializedArray<float>(checked((int)floats), pinned: true);
        }

        return partials;
    }
}
