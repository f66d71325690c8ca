using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Tests.Models.Seeds;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.FrameTransformer;

public sealed class FrameTransformerTests(ITestOutputHelper output)
{
    private static FrameTransformerHyperParameters Tiny() => new()
    {
        SampleRate = 8000, FftSize = 512, HopSize = 128, BinCount = 256, Levels = 3, BaseChannels = 8,
        ModelWidth = 32, HeadCount = 4, BlockCount = 1, RelativeDistance = 16,
    };

    [Fact]
    public void Forward_KeepsTheShape_ForAnyFrameCount()
    {
        var network = new FrameTransformerNetwork(Tiny(), new Random(1));
        network.Eval();
        var input = TensorFactory.Uniform(new Random(2), [2, 1, 37, 256], 0f, 2f);
        using var noGrad = new NoGradScope();
        Tensor mask = network.Mask(input);
        Assert.Equal([2, 1, 37, 256], mask.Shape);
        Assert.All(mask.Data, m => Assert.InRange(m, 0f, 1f));
    }

    [Fact]
    public void FrameConvolutions_NeverMixFrames_OnlyTheTransformerDoes()
    {
        // With no transformer block the bottleneck is a per-frame linear map: changing frame 5 changes only frame 5.
        var network = new FrameTransformerNetwork(Tiny() with { BlockCount = 0 }, new Random(3));
        network.Eval();
        var input = TensorFactory.Uniform(new Random(4), [1, 1, 12, 256], 0f, 2f);
        using var noGrad = new NoGradScope();
        Tensor before = network.Mask(input);
        var changed = input.Clone();
        for (int k = 0; k < 256; k++) changed[0, 0, 5, k] += 1f;
        Tensor after = network.Mask(changed);
        for (int t = 0; t < 12; t++)
        {
            bool same = Enumerable.Range(0, 256).All(k => before[0, 0, t, k] == after[0, 0, t, k]);
            Assert.Equal(t != 5, same);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs() =>
        RoundTrip.AssertIdenticalOutputs(FrameTransformerFamily.Create("tiny-frame-transformer", Tiny(), new Random(5)), 6);

    /// <summary>Floor: 5 dB vocal SDR (residual of the predicted instrumental mask) after 30 Adam steps.</summary>
    [Fact]
    public void Overfit_TinyFrameTransformer_ReachesFiveDecibelsVocalSdr_In30Steps()
    {
        var x = MusdbExcerpt.Instance;
        var network = new FrameTransformerNetwork(Tiny(), new Random(7));
        Tensor mixture = Overfit.Image(x.MixtureMagnitude, x.Frames, x.Bins, x.Frames, 256);
        Tensor accompaniment = Overfit.Image(x.AccompanimentMagnitude, x.Frames, x.Bins, x.Frames, 256);
        Overfit.Train(network, () => Tensor.L1Loss(network.Forward(mixture), accompaniment), steps: 30, learningRate: 3e-3f, output);
        Tensor mask;
        using (new NoGradScope()) mask = network.Mask(mixture);
        float[] instrumental = Overfit.FromImage(mask, x.Frames, x.Bins);
        float[] vocalMask = [.. instrumental.Select(m => 1f - m)];
        double sdr = x.VocalSdr(vocalMask), accompanimentSdr = x.AccompanimentSdr(instrumental);
        output.WriteLine($"vocal SDR {sdr:F2} dB, accompaniment SDR {accompanimentSdr:F2} dB");
        Assert.True(sdr >= 5.0, $"vocal SDR {sdr:F2} dB");
    }
}
