using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.UNet;
using Demix.Separation.Tests.Models.Seeds;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.UNet;

public sealed class UNetTests(ITestOutputHelper output)
{
    private static UNetHyperParameters Tiny() => new() { SampleRate = 8000, FftSize = 512, HopSize = 128, BinCount = 256, Levels = 4, BaseChannels = 8 };

    [Fact]
    public void Forward_GivesAMaskedInputOfTheSameShape()
    {
        var network = new VocalUNet(Tiny(), new Random(1));
        network.Eval();
        var input = TensorFactory.Uniform(new Random(2), [3, 1, 32, 256], 0f, 2f);
        using var noGrad = new NoGradScope();
        Tensor mask = network.Mask(input), estimate = network.Forward(input);
        Assert.Equal([3, 1, 32, 256], estimate.Shape);
        Assert.All(mask.Data, m => Assert.InRange(m, 0f, 1f));
        for (int i = 0; i < input.Length; i++) Assert.Equal(mask.Data[i] * input.Data[i], estimate.Data[i], 6);
    }

    [Fact]
    public void PublishedShape_SixLevelsOf16To512Channels()
    {
        var network = new VocalUNet(new UNetHyperParameters { BaseChannels = 16 }, new Random(3));
        var state = network.StateDict().ToDictionary(e => e.Key, e => e.Value.Shape);
        Assert.Equal([512, 256, 5, 5], state["encoder5.weight"]);
        Assert.Equal([512, 256, 5, 5], state["decoder0.weight"]);      // transposed: [in, out, kh, kw]
        Assert.Equal([32, 1, 5, 5], state["decoder5.weight"]);
        Assert.False(state.ContainsKey("decoderNorm5.weight"));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs() => RoundTrip.AssertIdenticalOutputs(UNetFamily.Create("tiny-unet", Tiny(), new Random(4)), 5);

    /// <summary>Floor: 6 dB vocal SDR (ratio mask of the estimate, mixture phase) after 60 Adam steps; the mixture itself scores about -5 dB.</summary>
    [Fact]
    public void Overfit_TinyUNet_ReachesSixDecibelsVocalSdr_In60Steps()
    {
        var x = MusdbExcerpt.Instance;
        var network = new VocalUNet(Tiny(), new Random(6));
        Tensor mixture = Overfit.Image(x.MixtureMagnitude, x.Frames, x.Bins, 128, 256);
        Tensor vocals = Overfit.Image(x.VocalMagnitude, x.Frames, x.Bins, 128, 256);
        Overfit.Train(network, () => Tensor.L1Loss(network.Forward(mixture), vocals), steps: 60, learningRate: 3e-3f, output);
        Tensor estimate;
        using (new NoGradScope()) estimate = network.Forward(mixture);
        double sdr = x.VocalSdr(x.RatioMask(Overfit.FromImage(estimate, x.Frames, x.Bins)));
        output.WriteLine($"vocal SDR {sdr:F2} dB");
        Assert.True(sdr >= 6.0, $"vocal SDR {sdr:F2} dB");
    }
}
