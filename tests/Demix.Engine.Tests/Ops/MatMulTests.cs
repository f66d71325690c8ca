using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class MatMulTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MatMul_AllTransposes_MatchNumericGradients(bool transposeA, bool transposeB)
    {
        int[] aShape = transposeA ? [2, 4, 3] : [2, 3, 4];
        int[] bShape = transposeB ? [2, 5, 4] : [2, 4, 5];
        GradCheck.Check(x => Tensor.MatMul(x[0], x[1], transposeA, transposeB), [Randn(1, aShape), Randn(2, bShape)]);
        int[] sharedB = transposeB ? [5, 4] : [4, 5];
        GradCheck.Check(x => Tensor.MatMul(x[0], x[1], transposeA, transposeB), [Randn(3, aShape), Randn(4, sharedB)]);
    }

    [Fact]
    public void MatMul_ComputesProduct()
    {
        var a = TensorFactory.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        var b = TensorFactory.FromArray([1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
        Assert.Equal([4f, 5f, 10f, 11f], Tensor.MatMul(a, b).Data);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 5f, 7f, 9f], Tensor.MatMul(b, a, transposeA: false, transposeB: false).Data);
    }

    [Fact]
    public void BatchedMatMul_SpreadOverCores_MatchesPerBatchProducts()
    {
        // 1 MFLOP per batch: small enough for the batches to be spread over the cores.
        var a = Randn(1, 6, 64, 128);
        var b = Randn(2, 6, 64, 128);
        var c = Tensor.MatMul(a, b, transposeB: true);
        var r = TensorFactory.Randn(new Random(3), c.Shape);
        c.Backward(r.Data);
        for (int batch = 0; batch < 6; batch++)
        {
            var ai = a.Select(0, batch).Detach();
            var bi = b.Select(0, batch).Detach();
            ai.RequiresGrad = bi.RequiresGrad = true;
            var ci = Tensor.MatMul(ai, bi, transposeB: true);
            ci.Backward(r.Select(0, batch).Data);
            Assert.Equal(ci.Data, c.Select(0, batch).Data);
            Assert.Equal(ai.Grad!, a.Grad!.AsSpan(batch * 64 * 128, 64 * 128).ToArray());
            Assert.Equal(bi.Grad!, b.Grad!.AsSpan(batch * 64 * 128, 64 * 128).ToArray());
        }
    }

    [Fact]
    public void Linear_MatchesNumericGradients()
    {
        GradCheck.Check(x => Tensor.Linear(x[0], x[1], x[2]), [Randn(1, 2, 3, 4), Randn(2, 5, 4), Randn(3, 5)]);
        GradCheck.Check(x => Tensor.Linear(x[0], x[1], null), [Randn(4, 3, 4), Randn(5, 2, 4)]);
    }
}
