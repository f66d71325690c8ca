using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Fixtures;

public sealed class ConvFixtureTests
{
    [Theory]
    [InlineData("conv2d_a_k5_s2_tfsame")]
    [InlineData("conv2d_b_k3_dil2_pad2")]
    [InlineData("conv2d_c_frame_k7x1")]
    [InlineData("conv2d_c2_frame_k7x1_s2x1")]
    [InlineData("conv2d_d_groups2")]
    [InlineData("conv2d_e_k1x1")]
    public void Conv2d_MatchesPyTorch(string name)
    {
        var f = NnFixture.Load(name);
        int[] kernel = f.Ints("kernel_size"), stride = f.Ints("stride"), padding = f.Ints("padding"), dilation = f.Ints("dilation");
        var options = new ConvOptions
        {
            StrideHeight = stride[0], StrideWidth = stride[1], DilationHeight = dilation[0], DilationWidth = dilation[1],
            PadTop = padding[0], PadBottom = padding[0], PadLeft = padding[1], PadRight = padding[1],
            Groups = f.Hyper.GetProperty("groups").GetInt32(),
            Same = f.Hyper.TryGetProperty("pre_pad", out _), // the fixture's explicit (1, 2) pre-pad is TF SAME for k5 s2
        };
        var conv = new Conv2d(f.Hyper.GetProperty("in_channels").GetInt32(), f.Hyper.GetProperty("out_channels").GetInt32(),
            (kernel[0], kernel[1]), new Random(1), options);
        conv.LoadStateDict(f.StateDict());
        var input = f.Get("input", requiresGrad: true);
        var output = conv.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", conv.Weight);
        f.AssertGrad("param.bias", conv.Bias!);
    }

    [Fact]
    public void ConvTranspose2d_TfSameCrop_MatchesPyTorch()
    {
        var f = NnFixture.Load("conv_transpose2d_a_k5_s2_crop");
        var layer = new ConvTranspose2d(6, 4, 5, new Random(1), ConvOptions.TfSame(stride: 2));
        layer.LoadStateDict(f.StateDict());
        var input = f.Get("input", requiresGrad: true);
        var output = layer.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", layer.Weight);
        f.AssertGrad("param.bias", layer.Bias!);
        var full = Tensor.ConvTranspose2d(f.Get("input"), layer.Weight, layer.Bias, ConvOptions.Create(stride: 2));
        f.AssertForward("aux.full_output", full);
    }

    [Fact]
    public void ConvTranspose2d_Padding1_MatchesPyTorch()
    {
        var f = NnFixture.Load("conv_transpose2d_b_k4_s2_p1");
        var layer = new ConvTranspose2d(6, 3, 4, new Random(1), ConvOptions.Create(stride: 2, padding: 1));
        layer.LoadStateDict(f.StateDict());
        var input = f.Get("input", requiresGrad: true);
        var output = layer.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", layer.Weight);
        f.AssertGrad("param.bias", layer.Bias!);
    }
}
