using System.Numerics.Tensors;
using Demix.Training.Config;
using Demix.Training.Data;

namespace Demix.Training.Sampling;

/// <summary>
/// Draws training chunks from cached tracks with the switchable augmentations of <see cref="AugmentConfig"/>:
/// random chunk positions, re-mixing (vocals and accompaniment from independent tracks), per-source gain
/// U[gainLow, gainHigh], channel swap, polarity flip, white noise at a random SNR (S4 synthetic songs), the
/// voice+noise pre-training mode, and redrawing chunks whose vocals are silent (S0). All randomness comes from
/// the <see cref="Random"/> passed to <see cref="Draw"/>.
/// </summary>
public sealed class ChunkSampler
{
    private const int MaxRedraws = 20;
    private readonly IReadOnlyList<SourceTrack> withVocals, withAccompaniment, complete;
    private readonly AugmentConfig augment;

    /// <summary>Samples chunks of <paramref name="chunkFrames"/> frames with <paramref name="channels"/> channels.</summary>
    /// <exception cref="ArgumentException">No track has vocals, or none has accompaniment (and the mode needs it).</exception>
    public ChunkSampler(IReadOnlyList<SourceTrack> tracks, AugmentConfig augment, int chunkFrames, int channels)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        this.augment = augment ?? throw new ArgumentNullException(nameof(augment));
        ChunkFrames = chunkFrames;
        Channels = channels;
        withVocals = [.. tracks.Where(t => t.Vocals is not null && t.Vocals.FrameCount >= chunkFrames)];
        withAccompaniment = [.. tracks.Where(t => t.Accompaniment is not null && t.Accompaniment.FrameCount >= chunkFrames)];
        complete = [.. tracks.Where(t => t.Vocals is not null && t.Accompaniment is not null && t.FrameCount >= chunkFrames)];
        if (withVocals.Count == 0) throw new ArgumentException($"No training track with vocals is at least {chunkFrames} frames long.");
        if (!augment.VoiceNoiseOnly && withAccompaniment.Count == 0) throw new ArgumentException($"No training track with accompaniment is at least {chunkFrames} frames long.");
        if (!augment.Remix && !augment.VoiceNoiseOnly && complete.Count == 0) throw new ArgumentException("Without remix the training tracks need both vocals and accompaniment.");
    }

    /// <summary>Frames per chunk.</summary>
    public int ChunkFrames { get; }

    /// <summary>Channels per chunk.</summary>
    public int Channels { get; }

    /// <summary>Draws one augmented example.</summary>
    public TrainingExample Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int attempt = 0; ; attempt++)
        {
            float[][] vocals, accompaniment;
            if (augment.VoiceNoiseOnly || augment.Remix || complete.Count == 0)
            {
                vocals = Read(withVocals[random.Next(withVocals.Count)].Vocals!, random);
                accompaniment = augment.VoiceNoiseOnly ? Zeros() : Read(withAccompaniment[random.Next(withAccompaniment.Count)].Accompaniment!, random);
            }
            else
            {
                SourceTrack track = complete[random.Next(complete.Count)];
                long start = random.NextInt64(track.FrameCount - ChunkFrames + 1);
                vocals = Read(track.Vocals!, start);
                accompaniment = Read(track.Accompaniment!, start);
            }
            if (augment.DropSilentVocals && attempt < MaxRedraws && Augmentations.RmsDb(vocals) < augment.SilenceDb) continue;
            Augment(vocals, random);
            Augment(accompaniment, random);
            if (augment.VoiceNoiseOnly || random.NextDouble() < augment.NoiseProbability) AddNoise(vocals, accompaniment, random);
            return new TrainingExample(vocals, accompaniment);
        }
    }

    private void Augment(float[][] source, Random random)
    {
        float gain = augment.GainLow + (augment.GainHigh - augment.GainLow) * random.NextSingle();
        bool swap = augment.ChannelSwap && random.Next(2) == 1;
        bool flip = augment.PolarityFlip && random.Next(2) == 1;
        Augmentations.Apply(source, flip ? -gain : gain, swap);
    }

    private void AddNoise(float[][] vocals, float[][] accompaniment, Random random)
    {
        double snrDb = augment.NoiseSnrLowDb + (augment.NoiseSnrHighDb - augment.NoiseSnrLowDb) * random.NextDouble();
        double signalDb = Math.Max(Augmentations.RmsDb(vocals), Augmentations.RmsDb(accompaniment));
        float noiseRms = (float)Math.Pow(10, (signalDb - snrDb) / 20);
        foreach (float[] channel in accompaniment) Augmentations.AddWhiteNoise(channel, noiseRms, random);
    }

    private float[][] Read(CachedAudio audio, Random random) => Read(audio, random.NextInt64(audio.FrameCount - ChunkFrames + 1));

    private float[][] Read(CachedAudio audio, long start)
    {
        var chunk = new float[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            chunk[c] = new float[ChunkFrames];
            audio.Read(Math.Min(c, audio.ChannelCount - 1), start, chunk[c]);
        }
        return chunk;
    }

    private float[][] Zeros() => [.. Enumerable.Range(0, Channels).Select(_ => new float[ChunkFrames])];
}

/// <summary>The per-source operations of the sampler, on planar [channels][frames] buffers.</summary>
public static class Augmentations
{
    /// <summary>Scales every channel by <paramref name="gain"/> (negative: polarity flip) and optionally swaps the first two.</summary>
    public static void Apply(float[][] source, float gain, bool swapChannels)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (float[] channel in source) TensorPrimitives.Multiply(channel, gain, channel);
        if (swapChannels && source.Length == 2) (source[0], source[1]) = (source[1], source[0]);
    }

    /// <summary>RMS level over all channels in dBFS (-200 for silence).</summary>
    public static double RmsDb(float[][] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        double energy = 0;
        long count = 0;
        foreach (float[] channel in source)
        {
            energy += TensorPrimitives.SumOfSquares(channel);
            count += channel.Length;
        }
        return energy <= 0 || count == 0 ? -200 : 10 * Math.Log10(energy / count);
    }

    /// <summary>Adds uniform white noise of RMS <paramref name="rms"/> (uniform on [-a, a] has RMS a / sqrt 3).</summary>
    public static void AddWhiteNoise(float[] channel, float rms, Random random)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(random);
        float amplitude = rms * MathF.Sqrt(3f);
        for (int i = 0; i < channel.Length; i++) channel[i] += amplitude * (2f * random.NextSingle() - 1f);
    }
}
