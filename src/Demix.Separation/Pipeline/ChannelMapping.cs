namespace Demix.Separation.Pipeline;

/// <summary>
/// The channel rules around a method: mono in is duplicated for a stereo method and its stems are
/// averaged back to mono (mono in, mono out); more than two channels are refused unless a downmix to
/// stereo is asked for (WAVE channel order FL, FR, FC, LFE, BL, BR, SL, SR: left-side channels to the
/// left, right-side to the right, centre to both at -3 dB, LFE dropped, each side normalised to unit gain).
/// </summary>
public static class ChannelMapping
{
    private const float MinusThreeDecibels = 0.70710678f;

    /// <summary>Gains [outputs][inputs] of the downmix of <paramref name="inputChannels"/> channels to stereo.</summary>
    public static float[][] StereoDownmixGains(int inputChannels)
    {
        var gains = new float[2][];
        gains[0] = new float[inputChannels];
        gains[1] = new float[inputChannels];
        for (int c = 0; c < inputChannels; c++)
        {
            switch (c)
            {
                case 2: gains[0][c] = gains[1][c] = MinusThreeDecibels; break;   // front centre
                case 3: break;                                                     // LFE
                default: gains[c % 2][c] = 1f; break;                              // left/right pairs
            }
        }
        foreach (float[] row in gains)
        {
            float sum = row.Sum();
            for (int c = 0; c < row.Length; c++) row[c] /= sum;
        }
        return gains;
    }

    /// <summary>Writes <c>output[o][i] = sum_c gains[o][c] input[c][i]</c> for the first <paramref name="frameCount"/> frames.</summary>
    public static void Mix(float[][] gains, float[][] input, int frameCount, float[][] output)
    {
        for (int o = 0; o < gains.Length; o++)
        {
            Span<float> destination = output[o].AsSpan(0, frameCount);
            destination.Clear();
            for (int c = 0; c < input.Length; c++)
            {
                float gain = gains[o][c];
                if (gain == 0f) continue;
                ReadOnlySpan<float> source = input[c].AsSpan(0, frameCount);
                for (int i = 0; i < frameCount; i++) destination[i] += gain * source[i];
            }
        }
    }

    /// <summary>Gains [outputs][inputs] that take <paramref name="from"/> channels to <paramref name="to"/>
    /// (1 or 2 each): identity, duplicate mono, or average stereo.</summary>
    public static float[][] Gains(int from, int to)
    {
        if (from == to)
        {
            var identity = new float[to][];
            for (int o = 0; o < to; o++) { identity[o] = new float[from]; identity[o][o] = 1f; }
            return identity;
        }
        if (from == 1) return [.. Enumerable.Range(0, to).Select(_ => new[] { 1f })];
        if (to == 1) return [[.. Enumerable.Repeat(1f / from, from)]];
        throw new NotSupportedException($"No channel rule from {from} to {to} channels.");
    }

    /// <summary>The matrix product <c>a b</c>: applying <paramref name="b"/> then <paramref name="a"/>.</summary>
    public static float[][] Multiply(float[][] a, float[][] b)
    {
        var result = new float[a.Length][];
        for (int o = 0; o < a.Length; o++)
        {
            result[o] = new float[b[0].Length];
            for (int k = 0; k < b.Length; k++)
            {
                for (int i = 0; i < b[0].Length; i++) result[o][i] += a[o][k] * b[k][i];
            }
        }
        return result;
    }
}
