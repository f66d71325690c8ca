using Demix.Engine.Nn.Attention;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Attention;

public sealed class PositionEncodingTests
{
    /// <summary>
    /// Music Transformer's skewing on Q·Erᵀ (Er rows = distances −(L−1) … 0): pad one zero column on the left,
    /// reshape [L, L+1] to [L+1, L], drop the first row. Its lower triangle must equal our relative logits.
    /// </summary>
    [Fact]
    public void RelativeLogits_EqualMusicTransformerSkewingOnTheCausalTriangle()
    {
        const int length = 5, d = 3;
        var bias = new RelativePositionBias(1, d, length - 1, new Random(1));
        var q = TensorFactory.Randn(new Random(2), [1, 1, length, d]);
        var ours = bias.Logits(q, length);
        var qer = new float[length * length];                  // [L, L]: column c = distance c − (L − 1)
        for (int i = 0; i < length; i++)
            for (int c = 0; c < length; c++)
                for (int k = 0; k < d; k++) qer[i * length + c] += q[0, 0, i, k] * bias.Embeddings[0, c, k];
        var padded = new float[length * (length + 1)];
        for (int i = 0; i < length; i++) Array.Copy(qer, i * length, padded, i * (length + 1) + 1, length);
        var skewed = padded.AsSpan(length).ToArray();          // reshape to [L+1, L] and drop row 0
        for (int i = 0; i < length; i++)
            for (int j = 0; j <= i; j++)
                Assert.Equal(skewed[i * length + j], ours[0, 0, i, j], 5);
    }

    [Fact]
    public void RelativeLogits_ClipDistancesBeyondK()
    {
        var bias = new RelativePositionBias(2, 2, 1, new Random(3));
        var q = TensorFactory.Randn(new Random(4), [1, 2, 4, 2]);
        var logits = bias.Logits(q, 4);
        for (int h = 0; h < 2; h++)
        {
            float Dot(int i, int row) => q[0, h, i, 0] * bias.Embeddings[h, row, 0] + q[0, h, i, 1] * bias.Embeddings[h, row, 1];
            Assert.Equal(Dot(0, 2), logits[0, h, 0, 3], 5);    // distance +3 clipped to +1
            Assert.Equal(Dot(3, 0), logits[0, h, 3, 0], 5);    // distance −3 clipped to −1
            Assert.Equal(Dot(2, 1), logits[0, h, 2, 2], 5);    // distance 0
        }
    }

    [Fact]
    public void Rotary_PreservesNormsAndMakesDotProductsDependOnlyOnDistance()
    {
        var rotary = new RotaryEmbedding(8);
        var q = TensorFactory.Randn(new Random(5), [1, 1, 8]);
        var k = TensorFactory.Randn(new Random(6), [1, 1, 8]);
        float Dot(int qPosition, int kPosition)
        {
            var a = rotary.Apply(q, qPosition);
            var b = rotary.Apply(k, kPosition);
            return a.Data.Zip(b.Data, (x, y) => x * y).Sum();
        }
        Assert.Equal(Dot(3, 1), Dot(10, 8), 4);
        Assert.Equal(Dot(0, 5), Dot(7, 12), 4);
        Assert.NotEqual(Dot(3, 1), Dot(3, 2), 3);
        var rotated = rotary.Apply(q, 17);
        Assert.Equal(q.Data.Sum(v => v * v), rotated.Data.Sum(v => v * v), 4);
    }

    [Fact]
    public void Rotary_Backward_MatchesFiniteDifferences()
    {
        var rotary = new RotaryEmbedding(4, 100f);
        GradCheck.Check(t => rotary.Apply(t[0], 2), [TestTensors.Randn(13, 2, 3, 4)]);
    }

    [Fact]
    public void CausalMask_BlocksOnlyLaterKeys()
    {
        var mask = AttentionMasks.Causal(2, 4);
        Assert.Equal([0f, 0f, 0f, float.NegativeInfinity, 0f, 0f, 0f, 0f], mask.Data);
    }
}
