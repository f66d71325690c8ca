using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Autograd;

/// <summary>Gradient checks through whole small networks, where ops share inputs and gradients meet.</summary>
public sealed class CompositeGradientTests
{
    [Fact]
    public void UNetLikeBlock_MatchesNumericGradients()
    {
        // The conv bias needs no check: training-mode batch norm removes it exactly (its gradient is 0).
        // x: [N, C, H, W] magnitude; encoder conv (TF same, stride 2) -> batch norm (training) -> leaky ReLU ->
        // decoder transposed conv -> concat with the input (skip) -> 1x1 conv -> sigmoid mask -> squared error of the masked input against a target (the checker sums it with random weights in float64).
        var target = TensorFactory.Uniform(new Random(9), [2, 1, 6, 8]);
        GradCheck.Check(t =>
        {
            var (x, w1, b1, gamma, beta, w2, w3) = (t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
            var h = Tensor.Conv2d(x, w1, b1, ConvOptions.TfSame(stride: 2));
            h = Tensor.BatchNorm(h, null, null, gamma, beta, training: true).LeakyRelu(0.2f);
            var up = Tensor.ConvTranspose2d(h, w2, null, ConvOptions.TfSame(stride: 2));
            var joined = Tensor.Concat([up, x], 1);
            var mask = Tensor.Conv2d(joined, w3, null).Sigmoid();
            return (mask * x - target).Square();
        }, [Uniform(1, 0.1f, 1f, 2, 1, 6, 8), Randn(2, 3, 1, 5, 5), TensorFactory.Randn(new Random(3), [3]), Uniform(4, 0.5f, 1.5f, 3), Randn(5, 3),
            Randn(6, 3, 2, 5, 5), Randn(7, 3, 3, 1, 1)], step: 1e-3f, tolerance: 5e-2);
    }

    [Fact]
    public void AttentionLikeBlock_MatchesNumericGradients()
    {
        // x: [B, T, E]; one head: softmax(q kᵀ / sqrt(E)) v, residual, layer norm, GELU feed-forward.
        GradCheck.Check(t =>
        {
            var (x, wq, wk, wv, w1, w2) = (t[0], t[1], t[2], t[3], t[4], t[5]);
            var q = Tensor.Linear(x, wq, null);
            var k = Tensor.Linear(x, wk, null);
            var v = Tensor.Linear(x, wv, null);
            var scores = Tensor.MatMul(q, k, transposeB: true) * (1f / MathF.Sqrt(4));
            var attended = Tensor.MatMul(scores.Softmax(-1), v) + x;
            var normed = Tensor.LayerNorm(attended, 1, null, null);
            return Tensor.Linear(Tensor.Linear(normed, w1, null).Gelu(), w2, null) + normed;
        }, [Randn(1, 2, 3, 4), Randn(2, 4, 4), Randn(3, 4, 4), Randn(4, 4, 4), Randn(5, 8, 4), Randn(6, 4, 8)], step: 1e-3f, tolerance: 5e-2);
    }
}
