using System.Runtime.InteropServices;

namespace Demix.Engine.Kernels;

/// <summary>
/// Per-thread packing buffers, 64-byte aligned native memory that grows on demand and is freed when the
/// owning thread ends (the finalizer runs once the thread-static reference is gone).
/// </summary>
internal sealed unsafe class PackBuffers
{
    [ThreadStatic]
    private static PackBuffers? current;

    private nint capacityA;
    private nint capacityB;

    public float* A { get; private set; }

    public float* B { get; private set; }

    ~PackBuffers()
    {
        NativeMemory.AlignedFree(A);
        NativeMemory.AlignedFree(B);
    }

    /// <summary>This thread's buffers with room for at least the given numbers of floats.</summary>
    public static PackBuffers ForThisThread(nint floatsA, nint floatsB)
    {
        PackBuffers buffers = current ??= new PackBuffers();
        if (buffers.capacityA < floatsA)
        {
            NativeMemory.AlignedFree(buffers.A);
            buffers.A = (float*)NativeMemory.AlignedAlloc((nuint)(floatsA * sizeof(float)), 64);
            buffers.capacityA = floatsA;
        }

        if (buffers.capacityB < floatsB)
        {
            NativeMemory.AlignedFree(buffers.B);
            buffers.B = (float*)NativeMemory.AlignedAlloc((nuint)(floatsB * sizeof(float)), 64);
            buffers.capacityB = floatsB;
        }

        return buffers;
    }
}

/// <summary>
/// A pool of large aligned buffers for operands shared by the worker threads of one product (the packed B),
/// so that repeated products do not pay for fresh pages.
/// </summary>
internal sealed unsafe class SharedBuffer
{
    private static readonly System.Collections.Concurrent.ConcurrentBag<SharedBuffer> Pool = new();

    private nint capacity;

    public float* Pointer { get; private set; }

    ~SharedBuffer()
    {
        NativeMemory.AlignedFree(Pointer);
    }

    /// <summary>A buffer of at least <paramref name="floats"/> floats; give it back with <see cref="Return"/>.</summary>
    public static SharedBuffer Rent(nint floats)
    {
        SharedBuffer buffer = Pool.TryTake(out SharedBuffer? pooled) ? pooled : new SharedBuffer();
        if (buffer.capacity < floats)
        {
            NativeMemory.AlignedFree(buffer.Pointer);
            buffer.Pointer = (float*)NativeMemory.AlignedAlloc((nuint)(floats * sizeof(float)), 64);
            buffer.capacity = floats;
        }

        return buffer;
    }

    public void Return() => Pool.Add(this);
}
