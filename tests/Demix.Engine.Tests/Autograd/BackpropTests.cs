using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Autograd;

public sealed class BackpropTests
{
    [Fact]
    public void DeepChain_DoesNotOverflowTheStack()
    {
        var x = TensorFactory.FromArray([0.5f]);
        x.RequiresGrad = true;
        var y = x;
        for (int i = 0; i < 100_000; i++) y = y * 1f + 0f;
        y.Sum().Backward();
        Assert.Equal(1f, x.Grad![0], 5);
    }

    [Fact]
    public void Gradients_AccumulateAcrossBackwardCalls()
    {
        var x = TensorFactory.FromArray([2f]);
        x.RequiresGrad = true;
        (x * 3f).Sum().Backward();
        (x * 3f).Sum().Backward();
        Assert.Equal(6f, x.Grad![0]);
    }

    [Fact]
    public void NoGradScope_RecordsNothing()
    {
        var x = TensorFactory.FromArray([2f]);
        x.RequiresGrad = true;
        Tensor y;
        using (new NoGradScope()) y = x * 3f;
        Assert.False(y.RequiresGrad);
        Assert.Null(y.Node);
        Assert.True(GradMode.IsEnabled);
    }

    [Fact]
    public void Detach_CutsTheGraph()
    {
        var x = TensorFactory.FromArray([2f]);
        x.RequiresGrad = true;
        var y = (x * x).Detach() * x;
        y.Sum().Backward();
        Assert.Equal(4f, x.Grad![0]);
    }

    [Fact]
    public void DiamondGraph_SumsBothBranches()
    {
        var x = TensorFactory.FromArray([1.5f]);
        x.RequiresGrad = true;
        var a = x.Exp();
        var y = a * a + a;
        y.Sum().Backward();
        float e = MathF.Exp(1.5f);
        Assert.Equal(2 * e * e + e, x.Grad![0], 3);
    }
}
