using Demix.Engine.Nn;
using Demix.Engine.Nn.Attention;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>
/// One pre-norm transformer block across time: x += MHA(LN(x)) with relative-position logits (Music Transformer);
/// x += depthwise conv over time of LN(x) (Primer / Evolved Transformer); x += W2 relu(W1 LN(x))^2 (Primer's
/// squared ReLU). Children <c>attentionNorm</c>, <c>attention</c>, <c>convNorm</c>, <c>depthwise</c>, <c>feedForwardNorm</c>,
/// <c>feedForwardIn</c>, <c>feedForwardOut</c>.
/// </summary>
public sealed class TimeTransformerBlock : Layer
{
    private readonly LayerNorm attentionNorm, convNorm, feedForwardNorm;
    private readonly MultiheadAttention attention;
    private readonly Conv1d depthwise;
    private readonly Linear feedForwardIn, feedForwardOut;

    /// <summary>Creates the block with weights from <paramref name="random"/>.</summary>
    public TimeTransformerBlock(FrameTransformerHyperParameters hp, Random random)
    {
        ArgumentNullException.ThrowIfNull(hp);
        int width = hp.ModelWidth;
        attentionNorm = Register("attentionNorm", new LayerNorm(width));
        attention = Register("attention", new MultiheadAttention(width, hp.HeadCount, random, batchFirst: true, relativeMaxDistance: hp.RelativeDistance));
        convNorm = Register("convNorm", new LayerNorm(width));
        depthwise = Register("depthwise", new Conv1d(width, width, hp.DepthwiseKernel, random, ConvOptions.Create(padding: hp.DepthwiseKernel / 2, groups: width)));
        feedForwardNorm = Register("feedForwardNorm", new LayerNorm(width));
        feedForwardIn = Register("feedForwardIn", new Linear(width, hp.FeedForwardFactor * width, random));
        feedForwardOut = Register("feedForwardOut", new Linear(hp.FeedForwardFactor * width, width, random));
    }

    /// <summary>[batch, frames, width] to the same shape.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor x = input + attention.SelfAttention(attentionNorm.Forward(input)).Output;
        x += depthwise.Forward(convNorm.Forward(x).Transpose(1, 2)).Transpose(1, 2);
        return x + feedForwardOut.Forward(feedForwardIn.Forward(feedForwardNorm.Forward(x)).SquaredRelu());
    }
}
