using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Drnn;
using Demix.Separation.Tests.Models.Seeds;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.Drnn;

public sealed class DrnnTests(ITestOutputHelper output)
{
    private static DrnnHyperParameters Tiny() => new() { SampleRate = 8000, FftSize = 512, HopSize = 128, HiddenSize = 64, LayerCount = 2 };

    [Fact]
    public void Forward_GivesTwoSourcesOfTheInputShape_ThatSumToTheMixture()
    {
        var network = new DrnnNetwork(Tiny(), new Random(1));
        var mixture = TensorFactory.Uniform(new Random(2), [2, 10, 257], 0f, 3f);
        using var noGrad = new NoGradScope();
        var (s1, s2) = network.Forward(mixture);
        Assert.Equal([2, 10, 257], s1.Shape);
        Assert.Equal([2, 10, 257], s2.Shape);
        for (int i = 0; i < mixture.Length; i++)
        {
            Assert.InRange(s1.Data[i], 0f, mixture.Data[i] + 1e-6f);
            Assert.Equal(mixture.Data[i], s1.Data[i] + s2.Data[i], 5);
        }
    }

    [Fact]
    public void JointMasking_SplitsByTheRatioOfTheAbsoluteOutputs()
    {
        var y1 = TensorFactory.FromArray([3f, -1f, 0f], 3);
        var y2 = TensorFactory.FromArray([1f, 3f, 0f], 3);
        var x = TensorFactory.FromArray([8f, 4f, 2f], 3);
        var (s1, s2) = TimeFrequencyMasking.Joint(y1, y2, x, eps: 0f + 1e-12f);
        Assert.Equal([6f, 1f, 1f], s1.Data.Select(v => MathF.Round(v, 4)));
        Assert.Equal([2f, 3f, 1f], s2.Data.Select(v => MathF.Round(v, 4)));
    }

    [Fact]
    public void DiscriminativeLoss_IsOwnErrorMinusGammaTimesCrossError()
    {
        var random = new Random(3);
        Tensor e1 = TensorFactory.Randn(random, [4, 5]), e2 = TensorFactory.Randn(random, [4, 5]);
        Tensor r1 = TensorFactory.Randn(random, [4, 5]), r2 = TensorFactory.Randn(random, [4, 5]);
        double Mse(Tensor a, Tensor b) => a.Data.Zip(b.Data, (p, q) => (double)(p - q) * (p - q)).Average();
        double expected = Mse(e1, r1) + Mse(e2, r2) - 0.05 * (Mse(e1, r2) + Mse(e2, r1));
        Assert.Equal(expected, DiscriminativeLoss.Compute(e1, e2, r1, r2, 0.05f).Item(), 5);
        Assert.Equal(Mse(e1, r1) + Mse(e2, r2), DiscriminativeLoss.Compute(e1, e2, r1, r2, 0f).Item(), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscriminativeLoss.Compute(e1, e2, r1, r2, 1f));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs() => RoundTrip.AssertIdenticalOutputs(DrnnFamily.Create("tiny-drnn", Tiny(), new Random(4)), 5);

    /// <summary>Floor: 5 dB vocal SDR (source 1 of the joint masks) after 80 Adam steps on the discriminative loss (gamma 0.05).</summary>
    [Fact]
    public void Overfit_TinyDrnn_ReachesFiveDecibelsVocalSdr_In80Steps()
    {
        var x = MusdbExcerpt.Instance;
        var network = new DrnnNetwork(Tiny(), new Random(6));
        Tensor mixture = new([1, x.Frames, x.Bins], x.MixtureMagnitude);
        Tensor vocals = new([1, x.Frames, x.Bins], x.VocalMagnitude), accompaniment = new([1, x.Frames, x.Bins], x.AccompanimentMagnitude);
        Overfit.Train(network, () =>
        {
            var (s1, s2) = network.Forward(mixture);
            return DiscriminativeLoss.Compute(s1, s2, vocals, accompaniment, 0.05f);
        }, steps: 80, learningRate: 3e-3f, output);
        Tensor estimate;
        using (new NoGradScope()) estimate = network.Forward(mixture).Source1;
        double sdr = x.VocalSdr(x.RatioMask(estimate.Data));
        output.WriteLine($"vocal SDR {sdr:F2} dB");
        Assert.True(sdr >= 5.0, $"vocal SDR {sdr:F2} dB");
    }
}
