namespace Demix.Evaluation.Tests.BssEval;

/// <summary>
/// numpy's legacy <c>np.random.seed(s)</c> + <c>np.random.random</c>: MT19937 with Knuth's init_genrand, doubles
/// from genrand_res53. Only used to regenerate the museval regression fixture's estimates.
/// </summary>
internal sealed class NumpyLegacyRandom
{
    private readonly uint[] state = new uint[624];
    private int index;

    public NumpyLegacyRandom(uint seed)
    {
        state[0] = seed;
        for (int i = 1; i < 624; i++) state[i] = unchecked(1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + (uint)i);
        index = 624;
    }

    /// <summary><c>np.random.random((rows, channels))</c> returned planar, [channel][row] (filled row-major).</summary>
    public double[][] Uniform(int rows, int channels)
    {
        var result = new double[channels][];
        for (int c = 0; c < channels; c++) result[c] = new double[rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < channels; c++) result[c][r] = NextDouble();
        return result;
    }

    private double NextDouble()
    {
        ulong a = Next() >> 5, b = Next() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private uint Next()
    {
        if (index >= 624) Twist();
        uint y = state[index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int i = 0; i < 624; i++)
        {
            uint y = (state[i] & 0x80000000u) | (state[(i + 1) % 624] & 0x7fffffffu);
            uint next = state[(i + 397) % 624] ^ (y >> 1);
            state[i] = (y & 1) != 0 ? next ^ 0x9908b0dfu : next;
        }
        index = 0;
    }
}
