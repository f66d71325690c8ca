using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>
/// A frame convolution: kernel 1 x k (1 frame, k bins) with stride s along frequency only, so it mixes the
/// frequencies of one frame and never looks at neighbouring frames; then batch norm and GELU.
/// Children <c>conv</c>, <c>norm</c>.
/// </summary>
public sealed class FrameConv : Layer
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;

    /// <summary>Creates the block.</summary>
    public FrameConv(int inChannels, int outChannels, int kernel, int stride, Random random)
    {
        var options = new ConvOptions { StrideWidth = stride, PadLeft = kernel / 2, PadRight = kernel / 2 };
        conv = Register("conv", new Conv2d(inChannels, outChannels, (1, kernel), random, options, bias: false));
        norm = Register("norm", new BatchNorm2d(outChannels));
    }

    /// <summary>[batch, in, frames, bins] to [batch, out, frames, bins / stride].</summary>
    public override Tensor Forward(Tensor input) => norm.Forward(conv.Forward(input)).Gelu();
}
