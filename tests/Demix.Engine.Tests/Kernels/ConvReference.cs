using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Kernels;

/// <summary>Direct float64 loops over the convolution sum: the reference the fast kernels are tested against.</summary>
internal static class ConvReference
{
    /// <summary>Calls visit(inputIndex, outputIndex, weightIndex) for every term of the convolution sum.</summary>
    public static void ForEachTerm(Conv2dShape s, Action<int, int, int> visit)
    {
        ConvGeometry g = s.Geometry;
        for (int n = 0; n < s.Batch; n++)
        for (int o = 0; o < s.OutChannels; o++)
        for (int c = 0; c < g.Channels; c++)
        for (int ky = 0; ky < g.KernelHeight; ky++)
        for (int kx = 0; kx < g.KernelWidth; kx++)
        for (int oy = 0; oy < g.OutHeight; oy++)
        for (int ox = 0; ox < g.OutWidth; ox++)
        {
            int iy = oy * g.StrideHeight - g.PadTop + ky * g.DilationHeight;
            int ix = ox * g.StrideWidth - g.PadLeft + kx * g.DilationWidth;
            if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width)
            {
                continue;
            }

            int channel = o / s.GroupOutChannels * g.Channels + c;
            int input = ((n * s.InChannels + channel) * g.Height + iy) * g.Width + ix;
            int output = ((n * s.OutChannels + o) * g.OutHeight + oy) * g.OutWidth + ox;
            int weight = ((o * g.Channels + c) * g.KernelHeight + ky) * g.KernelWidth + kx;
            visit(input, output, weight);
        }
    }

    public static double[] Forward(Conv2dShape s, float[] x, float[] w, float[]? bias)
    {
        var y = new double[s.OutputLength];
        ForEachTerm(s, (i, o, k) => y[o] += (double)w[k] * x[i]);
        if (bias is not null)
        {
            for (int j = 0; j < y.Length; j++)
            {
                y[j] += bias[j / s.OutPixels % s.OutChannels];
            }
        }

        return y;
    }

    public static double[] BackwardData(Conv2dShape s, float[] dy, float[] w)
    {
        var dx = new double[s.InputLength];
        ForEachTerm(s, (i, o, k) => dx[i] += (double)w[k] * dy[o]);
        return dx;
    }

    public static double[] BackwardWeight(Conv2dShape s, float[] x, float[] dy)
    {
        var dw = new double[s.WeightLength];
        ForEachTerm(s, (i, o, k) => dw[k] += (double)dy[o] * x[i]);
        return dw;
    }

    public static float[] Random(long length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    /// <summary>Asserts |actual - expected| &lt;= tolerance * max(1, max |expected|) entrywise.</summary>
    public static void AssertClose(double[] expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= tolerance * scale, $"{what}[{i}] = {actual[i]}, expected {expected[i]} (error {error:E2})");
        }
    }
}
