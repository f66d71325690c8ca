using Demix.Engine.Kernels;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// Where one direction of a recurrent layer keeps its rows in the layer's shared [T (+1), B, D·H] buffers:
/// direction d owns features d·H … d·H + H − 1 of every row, so both directions write the concatenated
/// output directly and each [B, H] block is a strided matrix (leading dimension D·H) for the GEMMs.
/// </summary>
internal readonly record struct DirectionLayout(int Steps, int Batch, int Hidden, int DirectionCount, int Direction)
{
    /// <summary>D·H, the row stride of the shared buffers.</summary>
    public int Width => DirectionCount * Hidden;

    /// <summary>Direction 1 runs backwards in time.</summary>
    public bool Reverse => Direction == 1;

    /// <summary>The time index processed last (its output is the final hidden state).</summary>
    public int LastStep => Reverse ? 0 : Steps - 1;

    /// <summary>The time index processed at position <paramref name="order"/> of the recurrence.</summary>
    public int StepAt(int order) => Reverse ? Steps - 1 - order : order;

    /// <summary>Start of this direction's [B, H] block (leading dimension <see cref="Width"/>) at step t.</summary>
    public int BlockStart(int t) => t * Batch * Width + Direction * Hidden;

    /// <summary>Start of the H values of batch row b at step t.</summary>
    public int RowStart(int t, int b) => (t * Batch + b) * Width + Direction * Hidden;

    /// <summary>
    /// The hidden state before step <paramref name="order"/> of the recurrence as (array, start, leading dimension):
    /// h0 (or <paramref name="zeros"/>) before the first step, else the previous step's block of <paramref name="outputs"/>.
    /// </summary>
    public (float[] Array, int Start, int Ld) PreviousHidden(int order, float[]? h0, float[] zeros, float[] outputs) =>
        order == 0 ? (h0 ?? zeros, 0, Hidden) : (outputs, BlockStart(StepAt(order - 1)), Width);

    /// <summary>
    /// Runs the per-direction work, both directions on their own cores when there are two, unless the GEMM thread
    /// limit (<see cref="GemmBackend.MaxThreads"/>, DEMIX_THREADS) is 1, which keeps everything on the calling thread.
    /// </summary>
    public static void ForEach(int directionCount, Action<int> work)
    {
        if (directionCount == 1 || GemmBackend.MaxThreads == 1)
        {
            for (int d = 0; d < directionCount; d++) work(d);
        }
        else Parallel.For(0, directionCount, work);
    }
}
