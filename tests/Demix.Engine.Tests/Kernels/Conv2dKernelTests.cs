using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Kernels;

public sealed class Conv2dKernelTests
{
    /// <summary>Batch, groups, out channels, then ConvGeometry fields (C, H, W, kh, kw, sh, sw, pt, pl, dh, dw, OH, OW).</summary>
    public static TheoryData<int[]> Shapes => new()
    {
        new[] { 1, 1, 3, 2, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1, 9, 11 },          // 3x3 same
        new[] { 2, 1, 4, 3, 12, 10, 5, 5, 2, 2, 1, 1, 1, 1, 6, 5 },          // Spleeter-like 5x5/2, TF padding
        new[] { 1, 2, 4, 2, 8, 9, 3, 2, 1, 2, 2, 0, 2, 1, 4, 4 },            // groups, dilation, asymmetric
        new[] { 2, 1, 5, 6, 7, 8, 1, 1, 1, 1, 0, 0, 1, 1, 7, 8 },            // pointwise 1x1
        new[] { 1, 1, 3, 2, 40, 70, 5, 1, 1, 1, 2, 0, 1, 1, 40, 70 },        // 5x1 frame convolution, many bands
        new[] { 2, 2, 4, 2, 30, 50, 3, 1, 1, 1, 2, 0, 2, 1, 30, 50 },        // frame convolution, groups and dilation
        new[] { 1, 1, 2, 3, 20, 64, 4, 1, 1, 1, 0, 0, 1, 1, 17, 64 },        // frame convolution without padding
        new[] { 3, 1, 16, 2, 64, 96, 5, 5, 2, 2, 1, 1, 1, 1, 32, 48 },       // enough bands for parallel items
        new[] { 1, 1, 2, 1, 5, 5, 7, 7, 1, 1, 3, 3, 1, 1, 5, 5 },            // kernel larger than the image
        new[] { 1, 1, 4, 8, 60, 200, 5, 5, 2, 2, 1, 1, 1, 1, 30, 100 },      // many bands of one image: parity passes
        new[] { 4, 1, 3, 1, 32, 128, 3, 3, 2, 2, 1, 1, 1, 1, 16, 64 },       // band of 1024 columns: padded column rows
        new[] { 2, 2, 32, 2, 20, 37, 3, 3, 1, 1, 1, 1, 2, 2, 18, 35 },       // small direct kernel (16 per group): groups, dilation, tail tile
        new[] { 1, 1, 16, 1, 10, 40, 5, 5, 2, 2, 1, 1, 1, 1, 5, 20 },        // small direct kernel: stride 2, TF-style bottom pad
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_MatchesDirectSum(int[] v)
    {
        Conv2dShape s = Shape(v);
        float[] x = ConvReference.Random(s.InputLength, 1), w = ConvReference.Random(s.WeightLength, 2);
        float[] bias = ConvReference.Random(s.OutChannels, 3);
        var y = new float[s.OutputLength];
        Conv2dKernel.Forward(x, w, bias, y, s);
        ConvReference.AssertClose(ConvReference.Forward(s, x, w, bias), y, 1e-5, "y");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BackwardData_MatchesDirectSum_AndAccumulates(int[] v)
    {
        Conv2dShape s = Shape(v);
        float[] dy = ConvReference.Random(s.OutputLength, 4), w = ConvReference.Random(s.WeightLength, 5);
        float[] dx = ConvReference.Random(s.InputLength, 6);
        Conv2dKernel.BackwardData(dy, w, dx, s, accumulate: false);
        double[] expected = ConvReference.BackwardData(s, dy, w);
        ConvReference.AssertClose(expected, dx, 1e-5, "dx");
        Conv2dKernel.BackwardData(dy, w, dx, s, accumulate: true);
        ConvReference.AssertClose(expected.Select(e => 2 * e).ToArray(), dx, 1e-5, "2 dx");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BackwardWeightAndBias_MatchDirectSums_AndAccumulate(int[] v)
    {
        Conv2dShape s = Shape(v);
        float[] x = ConvReference.Random(s.InputLength, 7), dy = ConvReference.Random(s.OutputLength, 8);
        float[] dw = ConvReference.Random(s.WeightLength, 9);
        Conv2dKernel.BackwardWeight(x, dy, dw, s, accumulate: false);
        double[] expected = ConvReference.BackwardWeight(s, x, dy);
        ConvReference.AssertClose(expected, dw, 1e-5, "dw");
        Conv2dKernel.BackwardWeight(x, dy, dw, s, accumulate: true);
        ConvReference.AssertClose(expected.Select(e => 2 * e).ToArray(), dw, 1e-5, "2 dw");

        var db = new float[s.OutChannels];
        Conv2dKernel.BackwardBias(dy, db, s, accumulate: false);
        var expectedBias = new double[s.OutChannels];
        for (int i = 0; i < dy.Length; i++)
        {
            expectedBias[i / s.OutPixels % s.OutChannels] += dy[i];
        }

        ConvReference.AssertClose(expectedBias, db, 1e-5, "db");
    }

    [Fact]
    public void AllPasses_RandomGeometries_MatchDirectSums()
    {
        var random = new Random(12345);
        int tested = 0;
        while (tested < 40)
        {
            int k = random.Next(1, 6), kw = random.Next(1, 6), stride = random.Next(1, 4), dilation = random.Next(1, 3);
            int h = random.Next(1, 21), w = random.Next(1, 41), pad = random.Next(0, 3), padLeft = random.Next(0, 3);
            int outHeight = (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
            int outWidth = (w + 2 * padLeft - dilation * (kw - 1) - 1) / random.Next(1, 3) + 1;
            if (outHeight < 1 || outWidth < 1)
            {
                continue;
            }

            int strideWidth = Math.Max(1, (w + 2 * padLeft - dilation * (kw - 1) - 1) / Math.Max(1, outWidth - 1));
            int groups = random.Next(1, 3);
            int groupOut = new[] { 1, 3, 16 }[random.Next(3)];
            int[] v = [random.Next(1, 3), groups, groups * groupOut, random.Next(1, 4), h, w, k, kw, stride, strideWidth,
                pad, padLeft, dilation, dilation, outHeight, outWidth];
            Forward_MatchesDirectSum(v);
            BackwardData_MatchesDirectSum_AndAccumulates(v);
            BackwardWeightAndBias_MatchDirectSums_AndAccumulate(v);
            tested++;
        }
    }

    [Fact]
    public void Forward_WrongLengthOrGroups_ThrowsNamingTheOperand()
    {
        Conv2dShape s = Shape([1, 1, 3, 2, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1, 9, 11]);
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2dKernel.Forward(new float[10], new float[s.WeightLength], [], new float[s.OutputLength], s));
        Assert.Contains("input", error.Message);
        Assert.Throws<ArgumentException>(() => Conv2dKernel.Forward(new float[s.InputLength], new float[s.WeightLength], [],
            new float[s.OutputLength], s with { Groups = 2 }));
    }

    internal static Conv2dShape Shape(int[] v) =>
        new(v[0], v[1], v[2], new ConvGeometry(v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]));
}
