using Demix.Engine.Kernels;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Ops;
using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Determinism;

/// <summary>
/// Every reduction sums its partials in an order fixed by the problem size, so the engine limited to 1 or to 2
/// threads (or a pool that fell back to fewer threads under load) gives bit-identical results.
/// </summary>
[Collection(EngineThreads.Name)]
public sealed class ReductionOrderTests
{
    [Theory]
    [InlineData(4, 8, 16, 64, 96, 5, 2)]    // U-Net-like strided 5x5: many (image, band) items, summed over bands
    [InlineData(1, 16, 16, 32, 48, 3, 1)]   // one image, few bands: the products themselves are split
    [InlineData(2, 32, 64, 16, 64, 1, 1)]   // 1x1 (pointwise) path
    [InlineData(2, 256, 512, 16, 32, 5, 2)]  // weights too large for partials: one chunk, products split
    public void Conv2dBackward_SameOnOneAndTwoThreads(int batch, int inChannels, int outChannels, int height, int width, int kernel, int stride) =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            Tensor x = TestTensors.Randn(1, batch, inChannels, height, width);
            Tensor w = TestTensors.Randn(2, outChannels, inChannels, kernel, kernel);
            Tensor b = TestTensors.Randn(3, outChannels);
            Tensor y = Tensor.Conv2d(x, w, b, ConvOptions.TfSame(stride));
            y.Backward(TensorFactory.Randn(new Random(4), y.Shape).Data);
            return [y.Data, x.Grad!, w.Grad!, b.Grad!];
        });

    [Fact]
    public void ConvTranspose2dBackward_SameOnOneAndTwoThreads() =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            Tensor x = TestTensors.Randn(5, 4, 16, 16, 24);
            Tensor w = TestTensors.Randn(6, 16, 8, 5, 5);
            Tensor y = Tensor.ConvTranspose2d(x, w, null, ConvOptions.TfSame(stride: 2));
            y.Backward(TensorFactory.Randn(new Random(7), y.Shape).Data);
            return [y.Data, x.Grad!, w.Grad!];
        });

    [Fact]
    public void BatchNormBackward_SameOnOneAndTwoThreads() =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            Tensor x = TestTensors.Randn(8, 8, 16, 64, 128);
            Tensor weight = TestTensors.Randn(9, 16), bias = TestTensors.Randn(10, 16);
            Tensor y = Tensor.BatchNorm(x, null, null, weight, bias, training: true);
            y.Backward(TensorFactory.Randn(new Random(11), y.Shape).Data);
            return [y.Data, x.Grad!, weight.Grad!, bias.Grad!];
        });

    [Fact]
    public void BidirectionalLstmBackward_SameOnOneAndTwoThreads() =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            var lstm = new Lstm(new RecurrentOptions(64, 128, LayerCount: 2, Bidirectional: true), new Random(12));
            Tensor x = TestTensors.Randn(13, 100, 8, 64);   // [T, B, features]
            Tensor y = lstm.Forward(x).Output;
            y.Backward(TensorFactory.Randn(new Random(14), y.Shape).Data);
            return [y.Data, x.Grad!, .. lstm.Parameters().Select(p => p.Grad!)];
        });

    [Theory]
    [InlineData(false, false, 300, 200, 4000)]   // many rows: shared packed B, row blocks
    [InlineData(true, false, 512, 256, 8000)]    // weight-gradient shape: long K (time x batch), A transposed
    [InlineData(false, false, 40, 3000, 500)]    // few rows: column chunks
    [InlineData(false, true, 16, 2048, 1024)]    // few rows, B transposed: dot-product blocks
    [InlineData(false, false, 1, 5000, 700)]     // one row
    public void Sgemm_SameOnOneAndTwoThreads(bool transposeA, bool transposeB, int m, int n, int k) =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            float[] a = TensorFactory.Randn(new Random(15), [m * k]).Data, b = TensorFactory.Randn(new Random(16), [k * n]).Data;
            float[] c = TensorFactory.Randn(new Random(17), [m * n]).Data;
            Gemm.Sgemm(transposeA, transposeB, m, n, k, 1f, a, transposeA ? m : k, b, transposeB ? k : n, 1f, c, n);
            return [c];
        });

    [Fact]
    public void BroadcastGradientAndGlobalNorm_SameOnOneAndTwoThreads() =>
        EngineThreads.AssertSameOnOneAndTwoThreads(() =>
        {
            Tensor x = TestTensors.Randn(18, 16, 64, 512);
            Tensor bias = TestTensors.Randn(19, 1, 64, 1);
            Tensor y = (x + bias).Sum();
            y.Backward();
            Tensor loss = (x * x).Mean();
            loss.Backward();
            double norm = GradientClipping.ClipByGlobalNorm([x, bias], maxNorm: 1e-3);
            return [y.Data, loss.Data, bias.Grad!, x.Grad!, [(float)norm, (float)(norm - (float)norm)]];
        });
}
