using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class ArithmeticTests
{
    [Theory]
    [InlineData(new[] { 2, 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 2, 1, 4 }, new[] { 3, 1 })]
    [InlineData(new[] { 2, 3, 2, 2 }, new[] { 1, 3, 1, 1 })]
    [InlineData(new[] { 3 }, new int[0])]
    public void BinaryOps_Broadcast_MatchNumericGradients(int[] aShape, int[] bShape)
    {
        GradCheck.Check(x => x[0] + x[1], [Randn(1, aShape), Randn(2, bShape)]);
        GradCheck.Check(x => x[0] - x[1], [Randn(3, aShape), Randn(4, bShape)]);
        GradCheck.Check(x => x[0] * x[1], [Randn(5, aShape), Randn(6, bShape)]);
        GradCheck.Check(x => x[0] / x[1], [Randn(7, aShape), Uniform(8, 1f, 2f, bShape)], step: 1e-3f);
    }

    [Fact]
    public void Add_Broadcast_GivesNumPyValues()
    {
        var a = TensorFactory.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        var b = TensorFactory.FromArray([10f, 20f], 2, 1);
        var c = a + b;
        Assert.Equal([2, 3], c.Shape);
        Assert.Equal([11f, 12f, 13f, 24f, 25f, 26f], c.Data);
    }

    [Fact]
    public void LargeBroadcast_SplitAcrossCores_MatchesScalarLoop()
    {
        var a = TensorFactory.Randn(new Random(1), [1200, 500]);
        var b = TensorFactory.Randn(new Random(2), [1200, 1]);
        var c = TensorFactory.Randn(new Random(3), [500]);
        b.RequiresGrad = c.RequiresGrad = true;
        var sum = a * b + c;
        for (int i = 0; i < 1200; i++)
        for (int j = 0; j < 500; j++) Assert.Equal(a[i, j] * b[i, 0] + c[j], sum[i, j]);
        var r = TensorFactory.Randn(new Random(4), sum.Shape);
        sum.Backward(r.Data);
        for (int j = 0; j < 500; j += 7)
        {
            double expected = Enumerable.Range(0, 1200).Sum(i => (double)r[i, j]);
            Assert.True(Math.Abs(expected - c.Grad![j]) < 1e-3, $"dc[{j}] {c.Grad[j]} vs {expected}");
        }
        for (int i = 0; i < 1200; i += 11)
        {
            double expected = Enumerable.Range(0, 500).Sum(j => (double)r[i, j] * a[i, j]);
            Assert.True(Math.Abs(expected - b.Grad![i]) < 1e-3, $"db[{i}] {b.Grad[i]} vs {expected}");
        }
    }

    [Fact]
    public void SameInputTwice_AccumulatesBothPaths()
    {
        var x = TensorFactory.FromArray([3f, -2f]);
        x.RequiresGrad = true;
        (x + x).Sum().Backward();
        Assert.Equal([2f, 2f], x.Grad!);
        x.ZeroGrad();
        (x * x).Sum().Backward();
        Assert.Equal([6f, -4f], x.Grad!);
    }

    [Fact]
    public void ScalarOps_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0] * 3f + 1f, [Randn(1, 3, 4)]);
        GradCheck.Check(x => 2f - x[0], [Randn(2, 3, 4)]);
        GradCheck.Check(x => 2f / x[0], [Uniform(3, 1f, 2f, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => -x[0], [Randn(4, 5)]);
    }
}
