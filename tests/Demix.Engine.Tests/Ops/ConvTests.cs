using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class ConvTests
{
    public static TheoryData<int[], int[], ConvOptions> Cases => new()
    {
        { [2, 3, 6, 7], [4, 3, 3, 3], ConvOptions.Create(padding: 1) },
        { [1, 2, 7, 8], [3, 2, 5, 5], ConvOptions.TfSame(stride: 2) },
        { [1, 2, 7, 6], [2, 2, 3, 3], ConvOptions.Create(padding: 2, dilation: 2) },
        { [2, 4, 5, 4], [6, 2, 3, 1], ConvOptions.Create(groups: 2) with { PadTop = 1, PadBottom = 1 } },
        { [2, 3, 4, 5], [2, 3, 1, 1], ConvOptions.Default },
        { [1, 2, 6, 3], [3, 2, 4, 1], new ConvOptions { StrideHeight = 2, PadTop = 1, PadBottom = 2 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conv2d_MatchesDirectSumAndNumericGradients(int[] inputShape, int[] weightShape, ConvOptions options)
    {
        var x = Randn(1, inputShape);
        var w = Randn(2, weightShape);
        var b = Randn(3, weightShape[0]);
        var y = Tensor.Conv2d(x, w, b, options);
        var expected = DirectConv(x, w, b, options, y.Shape[2], y.Shape[3]);
        for (int i = 0; i < y.Length; i++) Assert.True(Math.Abs(expected[i] - y.Data[i]) < 1e-4, $"element {i}: {y.Data[i]} vs {expected[i]}");
        GradCheck.Check(t => Tensor.Conv2d(t[0], t[1], t[2], options), [x, w, b]);
    }

    [Fact]
    public void Conv2d_TfSame_GivesCeilOutputSize()
    {
        var y = Tensor.Conv2d(new Tensor(1, 1, 16, 21), new Tensor(2, 1, 5, 5), null, ConvOptions.TfSame(stride: 2));
        Assert.Equal([1, 2, 8, 11], y.Shape);
    }

    [Fact]
    public void Conv1d_MatchesNumericGradients()
    {
        var options = new ConvOptions { StrideWidth = 2, PadLeft = 1, PadRight = 1 };
        GradCheck.Check(t => Tensor.Conv1d(t[0], t[1], t[2], options), [Randn(1, 2, 3, 9), Randn(2, 4, 3, 3), Randn(3, 4)]);
    }

    [Theory]
    [InlineData(2, 1, 0, 0, 1)]
    [InlineData(2, 2, 1, 1, 1)]
    [InlineData(1, 2, 0, 1, 2)]
    public void ConvTranspose2d_IsTheAdjointOfConv2d(int stride, int groups, int padTop, int padBottom, int dilation)
    {
        // <ConvT(x), y> = <x, Conv(y)> with the same weight: the defining property of a transposed conv.
        var options = new ConvOptions
        {
            StrideHeight = stride, StrideWidth = stride, Groups = groups, PadTop = padTop, PadBottom = padBottom,
            PadLeft = padTop, PadRight = padBottom, DilationHeight = dilation, DilationWidth = dilation,
        };
        var x = Randn(1, 2, 4, 3, 4);
        var w = Randn(2, 4, 6 / groups, 3, 3);
        var up = Tensor.ConvTranspose2d(x, w, null, options);
        var y = Randn(3, up.Shape);
        var down = Tensor.Conv2d(y, w, null, options);
        Assert.Equal(x.Shape, down.Shape);
        double left = 0, right = 0;
        for (int i = 0; i < up.Length; i++) left += up.Data[i] * y.Data[i];
        for (int i = 0; i < x.Length; i++) right += x.Data[i] * down.Data[i];
        Assert.Equal(left, right, 3);
    }

    [Fact]
    public void ConvTranspose2d_MatchesNumericGradients()
    {
        GradCheck.Check(t => Tensor.ConvTranspose2d(t[0], t[1], t[2], ConvOptions.TfSame(stride: 2)), [Randn(1, 2, 4, 3, 3), Randn(2, 4, 3, 5, 5), Randn(3, 3)]);
        GradCheck.Check(t => Tensor.ConvTranspose2d(t[0], t[1], t[2], ConvOptions.Create(stride: 2, padding: 1, groups: 2)), [Randn(4, 1, 4, 3, 2), Randn(5, 4, 1, 4, 4), Randn(6, 2)]);
    }

    [Fact]
    public void Pooling_MatchesNumericGradients()
    {
        GradCheck.Check(t => t[0].MaxPool2d(2), [Distinct(1, 2, 2, 4, 6)], step: 1e-3f);
        GradCheck.Check(t => t[0].MaxPool2d(3, 2, 1), [Distinct(2, 1, 2, 5, 5)], step: 1e-3f);
        GradCheck.Check(t => t[0].AvgPool2d(2), [Randn(3, 2, 2, 4, 6)]);
        GradCheck.Check(t => t[0].AvgPool2d(3, 1, 1), [Randn(4, 1, 2, 4, 4)]);
    }

    [Fact]
    public void MaxPool2d_PicksTheLargest()
    {
        var x = TensorFactory.FromArray([1f, 5f, 2f, 0f, 3f, 4f, 9f, -1f], 1, 1, 2, 4);
        Assert.Equal([5f, 9f], x.MaxPool2d(2).Data);
    }

    [Fact]
    public void Upsampling_MatchesNumericGradientsAndKnownValues()
    {
        GradCheck.Check(t => t[0].UpsampleNearest(6, 4), [Randn(1, 1, 2, 3, 2)]);
        GradCheck.Check(t => t[0].UpsampleBilinear(5, 7), [Randn(2, 1, 2, 3, 4)]);
        GradCheck.Check(t => t[0].UpsampleBilinear(5, 7, alignCorners: true), [Randn(3, 1, 2, 3, 4)]);
        // PyTorch: F.interpolate([[0, 1]] as 1x1x1x2, size=(1, 4), mode='bilinear') = [0, 0.25, 0.75, 1]
        var x = TensorFactory.FromArray([0f, 1f], 1, 1, 1, 2);
        Assert.Equal([0f, 0.25f, 0.75f, 1f], x.UpsampleBilinear(1, 4).Data);
        Assert.Equal([0f, 0f, 1f, 1f], x.UpsampleNearest(1, 4).Data);
    }

    internal static float[] DirectConv(Tensor x, Tensor w, Tensor b, ConvOptions o, int outHeight, int outWidth)
    {
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3];
        int oc = w.Shape[0], cg = w.Shape[1], kh = w.Shape[2], kw = w.Shape[3], og = oc / o.Groups;
        int top = o.Same ? ((outHeight - 1) * o.StrideHeight + (kh - 1) * o.DilationHeight + 1 - h) / 2 : o.PadTop;
        int left = o.Same ? ((outWidth - 1) * o.StrideWidth + (kw - 1) * o.DilationWidth + 1 - wd) / 2 : o.PadLeft;
        var result = new float[n * oc * outHeight * outWidth];
        for (int s = 0; s < n; s++)
        for (int f = 0; f < oc; f++)
        for (int oy = 0; oy < outHeight; oy++)
        for (int ox = 0; ox < outWidth; ox++)
        {
            double sum = b.Data[f];
            for (int ci = 0; ci < cg; ci++)
            for (int ky = 0; ky < kh; ky++)
            for (int kx = 0; kx < kw; kx++)
            {
                int iy = oy * o.StrideHeight - top + ky * o.DilationHeight, ix = ox * o.StrideWidth - left + kx * o.DilationWidth;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                sum += w[f, ci, ky, kx] * x[s, f / og * cg + ci, iy, ix];
            }
            result[((s * oc + f) * outHeight + oy) * outWidth + ox] = (float)sum;
        }
        _ = c;
        return result;
    }
}
