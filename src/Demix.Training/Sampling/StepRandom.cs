namespace Demix.Training.Sampling;

/// <summary>
/// A <see cref="Random"/> that can be re-seeded: networks capture one at construction (dropout), and the trainer
/// re-seeds it from (run seed, step) before every step, so a run resumed at step k draws exactly what the
/// uninterrupted run drew; no generator state has to be saved.
/// </summary>
public sealed class StepRandom : Random
{
    private Random inner;

    /// <summary>Starts seeded with <paramref name="seed"/>.</summary>
    public StepRandom(int seed) => inner = new Random(seed);

    /// <summary>Restarts the sequence from <paramref name="seed"/>.</summary>
    public void Reseed(int seed) => inner = new Random(seed);

    /// <summary>A seed mixing the run seed, a stream (e.g. 1 = batches, 2 = dropout) and an index (SplitMix64).</summary>
    public static int Derive(int seed, int stream, long index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    /// <inheritdoc />
    public override int Next() => inner.Next();

    /// <inheritdoc />
    public override int Next(int maxValue) => inner.Next(maxValue);

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue) => inner.Next(minValue, maxValue);

    /// <inheritdoc />
    public override long NextInt64() => inner.NextInt64();

    /// <inheritdoc />
    public override long NextInt64(long maxValue) => inner.NextInt64(maxValue);

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue) => inner.NextInt64(minValue, maxValue);

    /// <inheritdoc />
    public override double NextDouble() => inner.NextDouble();

    /// <inheritdoc />
    public override float NextSingle() => inner.NextSingle();

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => inner.NextBytes(buffer);

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer) => inner.NextBytes(buffer);

    /// <inheritdoc />
    protected override double Sample() => inner.NextDouble();
}
