using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Ops;

/// <summary>
/// Images large enough that the convolutions unfold in several bands of rows. Checked against direct sums and
/// against the adjoint identity &lt;convT(x; W), y&gt; = &lt;x, conv(y; W)&gt;, which also makes the weight gradients of
/// the two ops equal for matching seeds.
/// </summary>
public sealed class BandedConvTests
{
    private static readonly ConvOptions Options = ConvOptions.TfSame(stride: 2);

    [Fact]
    public void Conv2d_ManyBands_MatchesDirectSumAndAdjoint()
    {
        var x = TestTensors.Randn(1, 1, 2, 300, 130);
        var w = TestTensors.Randn(2, 3, 2, 3, 3);
        var b = TestTensors.Randn(3, 3);
        var y = Tensor.Conv2d(x, w, b, Options);
        var expected = ConvTests.DirectConv(x, w, b, Options, y.Shape[2], y.Shape[3]);
        for (int i = 0; i < y.Length; i++) Assert.True(Math.Abs(expected[i] - y.Data[i]) < 1e-4, $"element {i}");

        var r = TensorFactory.Randn(new Random(4), y.Shape);
        y.Backward(r.Data);
        var inputGrad = x.Grad!;
        var weightGrad = w.Grad!;
        Assert.Equal(r.Sum([0, 2, 3]).Data, b.Grad!, new FloatTolerance(1e-2f));

        // d<R, conv(x; W)>/dx = convT(R; W); d/dW is the same for convT(R; W) seeded with x.
        var seedR = r.Detach();
        seedR.RequiresGrad = true;
        var wT = w.Detach();
        wT.RequiresGrad = true;
        var adjoint = Tensor.ConvTranspose2d(seedR, wT, null, Options);
        Assert.Equal(x.Shape, adjoint.Shape);
        Assert.Equal(adjoint.Data, inputGrad, new FloatTolerance(1e-3f));
        adjoint.Backward(x.Data);
        Assert.Equal(wT.Grad!, weightGrad, new FloatTolerance(2e-2f));
    }

    [Fact]
    public void ConvTranspose2d_ManyBands_MatchesConvAdjoint()
    {
        var x = TestTensors.Randn(5, 1, 3, 120, 130);
        var w = TestTensors.Randn(6, 3, 2, 5, 5);
        var up = Tensor.ConvTranspose2d(x, w, null, Options);
        Assert.Equal([1, 2, 240, 260], up.Shape);
        var r = TensorFactory.Randn(new Random(7), up.Shape);
        up.Backward(r.Data);

        var seedR = r.Detach();
        seedR.RequiresGrad = true;
        var wC = w.Detach();
        wC.RequiresGrad = true;
        var down = Tensor.Conv2d(seedR, wC, null, Options);
        Assert.Equal(down.Data, x.Grad!, new FloatTolerance(1e-3f));
        double left = 0, right = 0;
        for (int i = 0; i < up.Length; i++) left += (double)up.Data[i] * r.Data[i];
        for (int i = 0; i < x.Length; i++) right += (double)x.Data[i] * down.Data[i];
        Assert.True(Math.Abs(left - right) < 1e-3 * Math.Abs(left) + 1e-2, $"{left} vs {right}");
        down.Backward(x.Data);
        Assert.Equal(wC.Grad!, w.Grad!, new FloatTolerance(2e-2f));
    }

    /// <summary>Equal within an absolute tolerance scaled by 1 + |expected|.</summary>
    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x));

        public int GetHashCode(float obj) => 0;
    }
}
