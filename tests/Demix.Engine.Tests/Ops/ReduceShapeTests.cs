using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class ReduceShapeTests
{
    [Fact]
    public void Reductions_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0].Sum(), [Randn(1, 3, 4)]);
        GradCheck.Check(x => x[0].Sum(1), [Randn(2, 3, 4, 2)]);
        GradCheck.Check(x => x[0].Sum([0, 2], keepDim: true), [Randn(3, 3, 4, 2)]);
        GradCheck.Check(x => x[0].Mean([-1]), [Randn(4, 3, 4, 2)]);
        GradCheck.Check(x => x[0].Mean(), [Randn(5, 3, 4)]);
        GradCheck.Check(x => x[0].Max(1), [Distinct(6, 3, 4, 2)], step: 1e-3f);
        GradCheck.Check(x => x[0].Max([0, 2], keepDim: true), [Distinct(7, 3, 4, 2)], step: 1e-3f);
        GradCheck.Check(x => x[0].Var([1, 2]), [Randn(8, 3, 4, 2)], step: 1e-3f);
        GradCheck.Check(x => x[0].Var(0, unbiased: false), [Randn(9, 5, 2)], step: 1e-3f);
    }

    [Fact]
    public void Var_IsUnbiasedByDefault()
    {
        var x = TensorFactory.FromArray([1f, 2f, 3f, 4f]);
        Assert.Equal(1.6666666f, x.Var(0).Item(), 5);
        Assert.Equal(1.25f, x.Var(0, unbiased: false).Item(), 5);
    }

    [Fact]
    public void ShapeOps_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0].Reshape(4, -1) * 2f, [Randn(1, 2, 3, 2)]);
        GradCheck.Check(x => x[0].Permute(2, 0, 1), [Randn(2, 2, 3, 4)]);
        GradCheck.Check(x => x[0].Transpose(-1, -2), [Randn(3, 2, 3, 4)]);
        GradCheck.Check(x => x[0].Slice(1, 1, 2), [Randn(4, 2, 4, 3)]);
        GradCheck.Check(x => Tensor.Concat([x[0], x[1]], 1), [Randn(5, 2, 2, 3), Randn(6, 2, 1, 3)]);
        GradCheck.Check(x => Tensor.Stack([x[0], x[1]], 2), [Randn(7, 2, 3), Randn(8, 2, 3)]);
        GradCheck.Check(x => x[0].Split([1, 3], 1)[1], [Randn(9, 2, 4)]);
        GradCheck.Check(x => x[0].Pad([1, 2, 2, 0]), [Randn(10, 2, 3, 4)]);
        GradCheck.Check(x => x[0].Pad([2, 1], PadMode.Reflect), [Randn(11, 2, 4)]);
        GradCheck.Check(x => x[0].Pad([1, 2, 2, 1], PadMode.Replicate), [Randn(12, 3, 4)]);
        GradCheck.Check(x => x[0].Crop(0, 1, 1), [Randn(13, 4, 3)]);
        GradCheck.Check(x => x[0].Repeat(2, 1, 3), [Randn(14, 2, 3, 2)]);
        GradCheck.Check(x => x[0].Expand(2, 3, 4), [Randn(15, 3, 1)]);
    }

    [Fact]
    public void Permute_MovesElements()
    {
        var x = TensorFactory.Arange(24).Reshape(2, 3, 4);
        var y = x.Permute(2, 0, 1);
        Assert.Equal([4, 2, 3], y.Shape);
        for (int a = 0; a < 2; a++)
        for (int b = 0; b < 3; b++)
        for (int c = 0; c < 4; c++) Assert.Equal(x[a, b, c], y[c, a, b]);
    }

    [Fact]
    public void ReflectPad_MirrorsWithoutEdge()
    {
        var x = TensorFactory.FromArray([1f, 2f, 3f, 4f]);
        Assert.Equal([3f, 2f, 1f, 2f, 3f, 4f, 3f], x.Pad([2, 1], PadMode.Reflect).Data);
    }
}
