using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class NormLossTests
{
    [Fact]
    public void Softmaxes_MatchNumericGradients()
    {
        GradCheck.Check(t => t[0].Softmax(1), [Randn(1, 2, 5, 3)], step: 1e-3f);
        GradCheck.Check(t => t[0].Softmax(-1), [Randn(2, 3, 4)], step: 1e-3f);
        GradCheck.Check(t => t[0].LogSoftmax(1), [Randn(3, 2, 5, 3)], step: 1e-3f);
        GradCheck.Check(t => t[0].LogSoftmax(-1), [Randn(4, 3, 4)], step: 1e-3f);
    }

    [Fact]
    public void Softmax_SumsToOneWithHugeLogits()
    {
        var y = TensorFactory.FromArray([1000f, 1001f, 999f]).Softmax(0);
        Assert.Equal(1f, y.Data.Sum(), 5);
        Assert.True(y.Data.All(float.IsFinite));
    }

    [Fact]
    public void BatchNorm_MatchesNumericGradients()
    {
        var mean = TensorFactory.FromArray([0.1f, -0.2f, 0.3f]);
        var variance = TensorFactory.FromArray([1.5f, 0.7f, 2f]);
        GradCheck.Check(t => Tensor.BatchNorm(t[0], null, null, t[1], t[2], training: true), [Randn(1, 4, 3, 5), Randn(2, 3), Randn(3, 3)], step: 1e-3f);
        GradCheck.Check(t => Tensor.BatchNorm(t[0], mean, variance, t[1], t[2], training: false), [Randn(4, 4, 3, 2, 2), Randn(5, 3), Randn(6, 3)], step: 1e-3f);
        GradCheck.Check(t => Tensor.BatchNorm(t[0], null, null, null, null, training: true), [Randn(7, 6, 3)], step: 1e-3f);
    }

    [Fact]
    public void BatchNorm_LargeTensorSplitAcrossCores_MatchesFloat64Reference()
    {
        int batch = 2, channels = 3, positions = 256 * 256;
        var x = TestTensors.Randn(1, batch, channels, 256, 256);
        var weight = TensorFactory.FromArray([1.5f, -0.5f, 2f]);
        var r = TensorFactory.Randn(new Random(2), x.Shape);
        var y = Tensor.BatchNorm(x, null, null, weight, null, training: true);
        y.Backward(r.Data);
        for (int c = 0; c < channels; c++)
        {
            var index = Enumerable.Range(0, batch).SelectMany(n => Enumerable.Range((n * channels + c) * positions, positions)).ToArray();
            double mean = index.Average(i => (double)x.Data[i]);
            double std = Math.Sqrt(index.Average(i => (x.Data[i] - mean) * (x.Data[i] - mean)) + 1e-5);
            double meanR = index.Average(i => (double)r.Data[i]);
            double meanRXhat = index.Average(i => r.Data[i] * (x.Data[i] - mean) / std);
            foreach (int i in index.Where((_, k) => k % 997 == 0))
            {
                double xhat = (x.Data[i] - mean) / std;
                double expectedY = weight.Data[c] * xhat, expectedGrad = weight.Data[c] / std * (r.Data[i] - meanR - xhat * meanRXhat);
                Assert.True(Math.Abs(expectedY - y.Data[i]) < 1e-4 * (1 + Math.Abs(expectedY)), $"y[{i}] {y.Data[i]} vs {expectedY}");
                Assert.True(Math.Abs(expectedGrad - x.Grad![i]) < 1e-4 * (1 + Math.Abs(expectedGrad)), $"dx[{i}] {x.Grad[i]} vs {expectedGrad}");
            }
        }
    }

    [Fact]
    public void LayerNorm_LargeTensorSplitAcrossCores_MatchesFloat64Reference()
    {
        var x = TestTensors.Randn(3, 600, 512);
        var y = Tensor.LayerNorm(x, 1, null, null);
        y.Sum().Backward();
        for (int row = 0; row < 600; row += 37)
        {
            var values = x.Data.AsSpan(row * 512, 512).ToArray();
            double mean = values.Average(v => (double)v), std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)) + 1e-5);
            for (int i = 0; i < 512; i += 61)
            {
                double expected = (values[i] - mean) / std;
                Assert.True(Math.Abs(expected - y[row, i]) < 1e-4, $"row {row}, {i}: {y[row, i]} vs {expected}");
                Assert.True(Math.Abs(x.Grad![row * 512 + i]) < 1e-4, "d(sum of a normalised row)/dx is 0");
            }
        }
    }

    [Fact]
    public void BatchNorm_EvalWithoutTape_MatchesEvalWithTape()
    {
        var mean = TensorFactory.FromArray([0.1f, -0.2f, 0.3f]);
        var variance = TensorFactory.FromArray([1.5f, 0.7f, 2f]);
        var weight = TensorFactory.FromArray([1.2f, -0.4f, 0.9f]);
        var bias = TensorFactory.FromArray([0.5f, 0f, -1f]);
        var x = TestTensors.Randn(1, 4, 3, 5);
        var taped = Tensor.BatchNorm(x, mean, variance, weight, bias, training: false);
        Tensor plain;
        using (new Demix.Engine.Autograd.NoGradScope()) plain = Tensor.BatchNorm(x, mean, variance, weight, bias, training: false);
        Assert.Null(plain.Node);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(taped.Data[i] - plain.Data[i]) < 1e-5, $"element {i}");
    }

    [Fact]
    public void BatchNorm_TrainingWithOneValuePerChannel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(new Tensor(1, 3), null, null, null, null, training: true));
        Assert.Contains("more than one value", error.Message);
    }

    [Fact]
    public void LayerGroupInstanceNorm_MatchNumericGradients()
    {
        GradCheck.Check(t => Tensor.LayerNorm(t[0], 1, t[1], t[2]), [Randn(1, 2, 3, 5), Randn(2, 5), Randn(3, 5)], step: 1e-3f);
        GradCheck.Check(t => Tensor.LayerNorm(t[0], 2, null, null), [Randn(4, 2, 3, 4)], step: 1e-3f);
        GradCheck.Check(t => Tensor.GroupNorm(t[0], 2, t[1], t[2]), [Randn(5, 2, 4, 3), Randn(6, 4), Randn(7, 4)], step: 1e-3f);
        GradCheck.Check(t => Tensor.InstanceNorm(t[0], null, null), [Randn(8, 2, 3, 2, 2)], step: 1e-3f);
    }

    [Fact]
    public void Losses_MatchNumericGradients()
    {
        GradCheck.Check(t => Tensor.MseLoss(t[0], t[1]), [Randn(1, 3, 4), Randn(2, 3, 4)]);
        GradCheck.Check(t => Tensor.L1Loss(t[0], t[1]), [AwayFromZero(3, 0.2f, 3, 4), new Tensor(3, 4) { RequiresGrad = true }]);
        GradCheck.Check(t => Tensor.BceWithLogitsLoss(t[0], t[1]), [Randn(4, 3, 4), Uniform(5, 0f, 1f, 3, 4)], step: 1e-3f);
        var weight = TensorFactory.Uniform(new Random(6), [3, 4], 0.5f, 2f);
        GradCheck.Check(t => Tensor.BceWithLogitsLoss(t[0], t[1], weight), [Randn(7, 3, 4), Uniform(8, 0f, 1f, 3, 4)], step: 1e-3f);
    }

    [Fact]
    public void Dropout_IsSeededAndKeepsTheMean()
    {
        var x = TensorFactory.Ones(10_000);
        var a = x.Dropout(0.3f, new Random(1));
        var b = x.Dropout(0.3f, new Random(1));
        Assert.Equal(a.Data, b.Data);
        Assert.Equal(1f, a.Data.Average(), 1);
        Assert.InRange(a.Data.Count(v => v == 0f), 2700, 3300);
        Assert.Same(x, x.Dropout(0.3f, new Random(1), training: false));
        GradCheck.Check(t => t[0].Dropout(0.5f, new Random(3)), [Randn(2, 4, 5)]);
    }
}
