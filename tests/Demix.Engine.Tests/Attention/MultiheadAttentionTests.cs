using Demix.Engine.Nn.Attention;
using Demix.Engine.Tensors;
using Demix.Engine.Tests.Recurrent;

namespace Demix.Engine.Tests.Attention;

public sealed class MultiheadAttentionTests
{
    [Fact]
    public void CausalSelfAttention_MatchesPyTorchValuesWeightsAndGradients()
    {
        var fixture = new TorchCase("mha_causal_self");
        var attention = new MultiheadAttention(8, 2, new Random(1), batchFirst: true);
        attention.Eval();
        fixture.LoadParameters(attention.NamedParameters());
        var input = fixture.Get("input", requiresGrad: true);
        var mask = AttentionMasks.FromBoolean(fixture.Get("const.attn_mask"));
        var result = attention.SelfAttention(input, mask);
        fixture.AssertForward("output", result.Output);
        fixture.AssertForward("aux.attn_weights_per_head", result.Weights);
        fixture.AssertForward("aux.attn_weights_mean", result.Weights.Mean([1], keepDim: false));
        fixture.Loss(("output", result.Output)).Backward();
        fixture.AssertGradient("input", input);
        foreach (var (name, parameter) in attention.NamedParameters()) fixture.AssertGradient("param." + name, parameter);
    }

    [Fact]
    public void Forward_WithSameQueryKeyValue_EqualsSelfAttention()
    {
        var attention = new MultiheadAttention(8, 4, new Random(2));
        var x = TensorFactory.Randn(new Random(3), [5, 2, 8]);
        var self = attention.SelfAttention(x).Output;
        var general = attention.Forward(x, x, x).Output;
        Assert.Equal([5, 2, 8], self.Shape);
        Assert.True(TorchCase.RelativeError(general.Data, self.Data) < 1e-5);
    }

    [Fact]
    public void KeyPaddingMask_GivesPaddedKeysZeroWeightAndNoInfluence()
    {
        var attention = new MultiheadAttention(6, 2, new Random(4), batchFirst: true);
        var query = TensorFactory.Randn(new Random(5), [2, 3, 6]);
        var keys = TensorFactory.Randn(new Random(6), [2, 4, 6]);
        var padding = AttentionMasks.KeyPadding(new bool[,] { { false, false, true, true }, { false, false, false, true } });
        var first = attention.Forward(query, keys, keys, keyPaddingMask: padding);
        var changed = keys.Clone();
        for (int f = 0; f < 6; f++) { changed[0, 3, f] += 5f; changed[1, 3, f] -= 3f; }
        var second = attention.Forward(query, changed, changed, keyPaddingMask: padding);
        Assert.Equal(first.Output.Data, second.Output.Data);
        for (int h = 0; h < 2; h++)
        {
            for (int t = 0; t < 3; t++)
            {
                Assert.Equal(0f, first.Weights[0, h, t, 2]);
                Assert.Equal(0f, first.Weights[1, h, t, 3]);
            }
        }
    }

    [Fact]
    public void CausalMask_KeepsEarlyOutputsIndependentOfLaterInputs()
    {
        var attention = new MultiheadAttention(8, 2, new Random(7), relativeMaxDistance: 3, rotary: true);
        var x = TensorFactory.Randn(new Random(8), [6, 1, 8]);
        var mask = AttentionMasks.Causal(6, 6);
        var before = attention.SelfAttention(x, mask).Output;
        var changed = x.Clone();
        for (int f = 0; f < 8; f++) changed[5, 0, f] += 1f;
        var after = attention.SelfAttention(changed, mask).Output;
        Assert.Equal(before.Slice(0, 0, 5).Data, after.Slice(0, 0, 5).Data);
        Assert.NotEqual(before.Select(0, 5).Data, after.Select(0, 5).Data);
    }

    [Fact]
    public void Backward_WithRelativeBiasRotaryAndMasks_MatchesFiniteDifferences()
    {
        var attention = new MultiheadAttention(4, 2, new Random(9), batchFirst: true, relativeMaxDistance: 2, rotary: true);
        foreach (var (_, p) in attention.NamedParameters()) for (int i = 0; i < p.Length; i++) p.Data[i] += 0.1f * MathF.Sin(i + 1);
        var x = TestTensors.Randn(10, 2, 4, 4);
        var mask = AttentionMasks.Causal(4, 4);
        var padding = AttentionMasks.KeyPadding(new bool[,] { { false, false, false, false }, { false, false, false, true } });
        Tensor[] inputs = [x, .. attention.NamedParameters().Select(p => p.Tensor)];
        GradCheck.Check(t => attention.SelfAttention(t[0], mask, padding).Output, inputs, step: 1e-2f);
    }

    [Fact]
    public void Dropout_OnlyInTraining()
    {
        var attention = new MultiheadAttention(8, 2, new Random(11), dropout: 0.5f);
        var x = TensorFactory.Randn(new Random(12), [5, 2, 8]);
        var train = attention.SelfAttention(x).Output.Data;
        attention.Eval();
        var eval = attention.SelfAttention(x).Output.Data;
        Assert.Equal(eval, attention.SelfAttention(x).Output.Data);
        Assert.True(TorchCase.RelativeError(train, eval) > 1e-2);
    }
}
