using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Tests.Models.Seeds;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.KaraokeCnn;

public sealed class KaraokeCnnTests(ITestOutputHelper output)
{
    private static KaraokeCnnHyperParameters Tiny() => new() { SampleRate = 8000, FftSize = 512, HopSize = 128, Channels = 12, LayerCount = 4 };

    [Fact]
    public void Forward_PredictsANonNegativeVocalMagnitudeOfTheInputShape()
    {
        var network = new VoiceDetectorCnn(Tiny(), new Random(1));
        network.Eval();
        var input = TensorFactory.Uniform(new Random(2), [2, 1, 20, 257], 0f, 2f);
        using var noGrad = new NoGradScope();
        Tensor vocals = network.Forward(input);
        Assert.Equal([2, 1, 20, 257], vocals.Shape);
        Assert.All(vocals.Data, v => Assert.True(v >= 0f));
    }

    [Fact]
    public void KaraokeModes_Agree_WhereThePredictionStaysBelowTheMixture_AndSumToTheMixtureForTheInvertedWaveform()
    {
        var hp = Tiny();
        var network = new VoiceDetectorCnn(hp, new Random(3));
        network.Eval();
        var estimator = new SpectrogramEstimator(network, ["vocals"]);
        float[][] mix = TinyModels.Mixture(8000, 8000, 4);
        var config = KaraokeCnnFamily.NewCard("k", hp).Stft.ToConfig();
        float[][][] subtraction = new KaraokeSeparator(estimator, 8000, config, KaraokeMode.SpectralSubtraction).Separate(mix, 8000);
        float[][][] inverted = new KaraokeSeparator(estimator, 8000, config, KaraokeMode.InvertedWaveform).Separate(mix, 8000);
        Assert.Equal(subtraction[0][0], inverted[0][0]);   // the same predicted vocals
        for (int i = 0; i < mix[0].Length; i++) Assert.Equal(mix[0][i], inverted[0][0][i] + inverted[1][0][i], 5);
        Assert.NotEqual(subtraction[1][0], inverted[1][0]);  // the untrained gain exceeds 1 in places, where the clamp differs
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs() =>
        RoundTrip.AssertIdenticalOutputs(KaraokeCnnFamily.Create("tiny-karaoke", Tiny() with { Mode = KaraokeMode.InvertedWaveform }, new Random(5)), 6);

    /// <summary>Floor: 6 dB vocal SDR (predicted magnitude with the mixture phase) after 60 Adam steps.</summary>
    [Fact]
    public void Overfit_TinyKaraokeCnn_ReachesSixDecibelsVocalSdr_In60Steps()
    {
        var x = MusdbExcerpt.Instance;
        var network = new VoiceDetectorCnn(Tiny(), new Random(7));
        Tensor mixture = new([1, 1, x.Frames, x.Bins], x.MixtureMagnitude), vocals = new([1, 1, x.Frames, x.Bins], x.VocalMagnitude);
        Overfit.Train(network, () => Tensor.L1Loss(network.Forward(mixture), vocals), steps: 60, learningRate: 5e-3f, output);
        Tensor estimate;
        using (new NoGradScope()) estimate = network.Forward(mixture);
        float[] predicted = Demix.Dsp.Stft.Stft.Inverse(MixturePhase.Apply(x.Spectrogram, x.MixtureMagnitude, estimate.Data), x.Config, x.Mixture.Length)[0];
        double sdr = MusdbExcerpt.Sdr(x.Vocals, predicted);
        output.WriteLine($"vocal SDR {sdr:F2} dB");
        Assert.True(sdr >= 6.0, $"vocal SDR {sdr:F2} dB");
    }
}
