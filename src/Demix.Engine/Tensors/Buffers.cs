namespace Demix.Engine.Tensors;

/// <summary>Allocation of float buffers that the caller overwrites completely (skips the zeroing of large arrays).</summary>
internal static class Buffers
{
    /// <summary>A new array whose contents are undefined: write every element before reading any.</summary>
    public static float[] Uninitialized(int length) => GC.AllocateUninitializedArray<float>(length);
}
