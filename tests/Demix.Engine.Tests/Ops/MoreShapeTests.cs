using Demix.Engine.Tensors;
using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class MoreShapeTests
{
    [Fact]
    public void SelectChunkPadAxisFlatten_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0].Select(1, 2), [Randn(1, 2, 4, 3)]);
        GradCheck.Check(x => x[0].Chunk(2, -1)[0] * x[0].Chunk(2, -1)[1], [Randn(2, 3, 4)]);
        GradCheck.Check(x => x[0].PadAxis(1, 2, 1, PadMode.Reflect), [Randn(3, 2, 4, 2)]);
        GradCheck.Check(x => x[0].Flatten(1).Unsqueeze(0).Squeeze(0), [Randn(4, 2, 3, 2)]);
    }

    [Fact]
    public void IndexSelectAndFlip_MoveEntriesAndGradients()
    {
        var x = TensorFactory.Arange(6).Reshape(2, 3);
        Assert.Equal([2f, 0f, 2f, 5f, 3f, 5f], x.IndexSelect(1, 2, 0, 2).Data);
        Assert.Equal([3f, 4f, 5f, 0f, 1f, 2f], x.Flip(0).Data);
        GradCheck.Check(t => t[0].IndexSelect(-1, 1, 1, 0), [Randn(1, 2, 3)]);
        GradCheck.Check(t => t[0].Flip(1), [Randn(2, 2, 4)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.IndexSelect(0, 2));
    }

    [Fact]
    public void MatMul_SharedLeftMatrix_MatchesNumericGradients()
    {
        GradCheck.Check(x => Tensor.MatMul(x[0], x[1]), [Randn(1, 3, 4), Randn(2, 2, 4, 5)]);
        GradCheck.Check(x => Tensor.MatMul(x[0], x[1], transposeB: true), [Randn(3, 3, 4), Randn(4, 2, 5, 4)]);
    }

    [Fact]
    public void BadShapes_ThrowClearErrors()
    {
        var a = new Tensor(2, 3);
        Assert.Contains("cannot be broadcast", Assert.Throws<ArgumentException>(() => a + new Tensor(4)).Message);
        Assert.Contains("Cannot reshape", Assert.Throws<ArgumentException>(() => a.Reshape(4, 2)).Message);
        Assert.Contains("inner sizes", Assert.Throws<ArgumentException>(() => Tensor.MatMul(a, new Tensor(2, 3))).Message);
        Assert.Throws<ArgumentException>(() => Tensor.Conv2d(new Tensor(1, 3, 5, 5), new Tensor(4, 2, 3, 3), null));
        Assert.Throws<ArgumentException>(() => new Tensor([2, 2], new float[3]));
        Assert.Throws<InvalidOperationException>(() => a.Sum().Backward());
    }

    [Fact]
    public void Transpose_LastTwoAxes_MovesEveryElementAcrossTiles()
    {
        var x = TensorFactory.Randn(new Random(1), [3, 70, 45]);
        var y = x.Transpose(1, 2);
        Assert.Equal([3, 45, 70], y.Shape);
        for (int b = 0; b < 3; b++)
        for (int r = 0; r < 70; r++)
        for (int c = 0; c < 45; c++) Assert.Equal(x[b, r, c], y[b, c, r]);
    }

    [Fact]
    public void Reshape_SharesStorage()
    {
        var a = TensorFactory.Arange(6);
        var b = a.Reshape(2, 3);
        Assert.Same(a.Data, b.Data);
        Assert.Equal(5f, b[1, 2]);
    }
}
