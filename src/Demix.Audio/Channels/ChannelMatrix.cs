namespace Demix.Audio;

/// <summary>
/// A linear channel mix: output channel o is <c>sum_i Gains[o][i] x input channel i</c>.
/// The named matrices below are the only mixes Demix applies.
/// </summary>
public sealed class ChannelMatrix
{
    private const float MinusThreeDb = 0.70710678f;

    private ChannelMatrix(float[][] gains, string name)
    {
        Gains = gains;
        Name = name;
    }

    /// <summary>Gains, [outputChannels][inputChannels].</summary>
    public float[][] Gains { get; }

    /// <summary>A short description, e.g. "mono to stereo (duplicate)".</summary>
    public string Name { get; }

    /// <summary>Input channel count.</summary>
    public int InputChannels => Gains[0].Length;

    /// <summary>Output channel count.</summary>
    public int OutputChannels => Gains.Length;

    /// <summary>Mono to stereo: the channel copied to both sides.</summary>
    public static ChannelMatrix Duplicate { get; } = new([[1f], [1f]], "mono to stereo (duplicate)");

    /// <summary>Stereo to mono: the average of left and right.</summary>
    public static ChannelMatrix Average { get; } = new([[0.5f, 0.5f]], "stereo to mono (average)");

    /// <summary>The first two of <paramref name="inputChannels"/> channels.</summary>
    public static ChannelMatrix FirstTwo(int inputChannels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 2);
        var left = new float[inputChannels];
        var right = new float[inputChannels];
        left[0] = 1;
        right[1] = 1;
        return new ChannelMatrix([left, right], $"first two of {inputChannels} channels");
    }

    /// <summary>The ITU-R BS.775 stereo downmix of a 3, 4, 5, 6 or 8-channel layout, or null for other counts.</summary>
    public static ChannelMatrix? Itu(int inputChannels)
    {
        // Per input channel: its share of (left, right). Centre and surrounds at -3 dB, LFE (0, 0).
        (float Left, float Right)[]? layout = inputChannels switch
        {
            3 => [(1, 0), (0, 1), (MinusThreeDb, MinusThreeDb)],
            4 => [(1, 0), (0, 1), (MinusThreeDb, 0), (0, MinusThreeDb)],
            5 => [(1, 0), (0, 1), (MinusThreeDb, MinusThreeDb), (MinusThreeDb, 0), (0, MinusThreeDb)],
            6 => [(1, 0), (0, 1), (MinusThreeDb, MinusThreeDb), (0, 0), (MinusThreeDb, 0), (0, MinusThreeDb)],
            8 => [(1, 0), (0, 1), (MinusThreeDb, MinusThreeDb), (0, 0), (MinusThreeDb, 0), (0, MinusThreeDb), (MinusThreeDb, 0), (0, MinusThreeDb)],
            _ => null,
        };
        if (layout is null) return null;
        float leftSum = layout.Sum(g => g.Left);
        float[] left = [.. layout.Select(g => g.Left / leftSum)];
        float[] right = [.. layout.Select(g => g.Right / leftSum)];
        return new ChannelMatrix([left, right], $"ITU-R BS.775 downmix of {inputChannels} channels");
    }

    /// <summary>Mixes an interleaved block of <see cref="InputChannels"/> into one of <see cref="OutputChannels"/>.</summary>
    /// <param name="input">Interleaved samples, [frames][InputChannels].</param>
    /// <param name="output">Interleaved samples, [frames][OutputChannels].</param>
    public void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        int frames = input.Length / InputChannels;
        for (int f = 0; f < frames; f++)
        {
            ReadOnlySpan<float> frame = input.Slice(f * InputChannels, InputChannels);
            for (int o = 0; o < OutputChannels; o++)
            {
                float[] gains = Gains[o];
                float sum = 0;
                for (int i = 0; i < gains.Length; i++) sum += gains[i] * frame[i];
                output[f * OutputChannels + o] = sum;
            }
        }
    }

    /// <summary>Mixes a whole planar waveform.</summary>
    public Waveform Apply(Waveform waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        if (waveform.ChannelCount != InputChannels) throw new ArgumentException($"The {Name} needs {InputChannels} channels, not {waveform.ChannelCount}.", nameof(waveform));
        var output = new float[OutputChannels][];
        for (int o = 0; o < OutputChannels; o++)
        {
            output[o] = new float[waveform.FrameCount];
            for (int i = 0; i < InputChannels; i++)
            {
                if (Gains[o][i] == 0) continue;
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(waveform.Channels[i], Gains[o][i], output[o], output[o]);
            }
        }
        return new Waveform(output, waveform.SampleRate);
    }
}
