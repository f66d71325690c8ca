using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Tests.Models.Seeds;
using Demix.Separation.Tests.Support;
using Xunit.Abstractions;

namespace Demix.Separation.Tests.Models.Spleeter;

public sealed class SpleeterModelTests(ITestOutputHelper output)
{
    private static readonly string[] TwoStems = ["vocals", "accompaniment"];

    [Fact]
    public void Forward_KeepsTheInputShape_AndEstimatesAreMaskedInputs()
    {
        var network = new SpleeterNetwork(TwoStems, SpleeterCheckpointTests.Tiny(), new Random(1));
        network.Eval();
        var input = TensorFactory.Uniform(new Random(2), [2, 2, 64, 128], 0f, 1f);
        using var noGrad = new NoGradScope();
        Tensor[] outputs = network.Forward(input);
        Assert.Equal(2, outputs.Length);
        foreach (var o in outputs)
        {
            Assert.Equal([2, 2, 64, 128], o.Shape);
            for (int i = 0; i < o.Length; i++) Assert.InRange(o.Data[i], 0f, input.Data[i]);
        }
    }

    [Fact]
    public void Stft_InverseOfForward_IsTheSignal_WithTheTwoThirdsCompensation()
    {
        var stft = new SpleeterStft(256, 64);
        var random = new Random(3);
        float[] signal = [.. Enumerable.Range(0, 1000).Select(_ => (float)random.NextDouble() - 0.5f)];
        var spectrogram = stft.Forward([signal]);
        Assert.Equal((1000 + 256 + 63) / 64, spectrogram.FrameCount);
        float[] back = stft.Inverse(spectrogram, signal.Length)[0];
        for (int i = 0; i < signal.Length; i++) Assert.True(Math.Abs(signal[i] - back[i]) < 1e-5f, $"sample {i}: {signal[i]} vs {back[i]}");
    }

    [Fact]
    public void Separator_ZeroMaskAboveF_MasksSumToOneBelow_OutputsHaveTheInputLength()
    {
        var hp = SpleeterCheckpointTests.Tiny() with { BinCount = 64 };
        SeedModel model = SpleeterFamily.Create("tiny", TwoStems, hp, new Random(4));
        var separator = (SpleeterSeparator)model.CreateSeparator();
        float[][] mix = TinyModels.Mixture(20_000, 44100, 5);
        var spectrogram = new SpleeterStft().Forward(mix);
        float[][] masks = separator.PredictMasks(spectrogram);
        for (int r = 0; r < spectrogram.ChannelCount * spectrogram.FrameCount; r++)
        {
            for (int k = 0; k < spectrogram.BinCount; k++)
            {
                float sum = masks[0][r * spectrogram.BinCount + k] + masks[1][r * spectrogram.BinCount + k];
                Assert.Equal(k < 64 ? 1f : 0f, sum, 5);
            }
        }
        float[][][] stems = separator.Separate(mix, 44100);
        Assert.All(stems, s => Assert.All(s, c => Assert.Equal(20_000, c.Length)));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs()
    {
        SeedModel model = SpleeterFamily.Create("tiny-spleeter", TwoStems, SpleeterCheckpointTests.Tiny(), new Random(6));
        RandomiseStatistics(model);
        using var folder = new TempFolder();
        string card = ModelFile.Save(model, folder.Path);
        ISeparationModel loaded = ModelFile.Load(card);
        float[][] mix = TinyModels.Mixture(30_000, 44100, 7);
        float[][][] expected = model.CreateSeparator().Separate(mix, 44100), actual = loaded.CreateSeparator().Separate(mix, 44100);
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++) for (int c = 0; c < 2; c++) Assert.Equal(expected[j][c], actual[j][c]);
    }

    /// <summary>Floor: 4 dB vocal SDR on the excerpt after 60 Adam steps (mixture as estimate: about -3 dB).</summary>
    [Fact]
    public void Overfit_TinySpleeter_ReachesFourDecibelsVocalSdr_In60Steps()
    {
        var x = MusdbExcerpt.Instance;
        var hp = new SpleeterHyperParameters { ChannelCount = 1, FrameCount = 128, BinCount = 256, Filters = [8, 16, 16, 32, 32, 32] };
        var network = new SpleeterNetwork(TwoStems, hp, new Random(8));
        Tensor mixture = Overfit.Image(x.MixtureMagnitude, x.Frames, x.Bins, 128, 256);
        Tensor vocals = Overfit.Image(x.VocalMagnitude, x.Frames, x.Bins, 128, 256);
        Tensor accompaniment = Overfit.Image(x.AccompanimentMagnitude, x.Frames, x.Bins, 128, 256);
        Overfit.Train(network, () =>
        {
            Tensor[] estimates = network.Forward(mixture);   // Spleeter's L1_mask loss: L1 of the masked spectrograms
            return Tensor.L1Loss(estimates[0], vocals) + Tensor.L1Loss(estimates[1], accompaniment);
        }, steps: 60, learningRate: 3e-3f, output);
        using var noGrad = new NoGradScope();
        Tensor[] final = network.Forward(mixture);
        float[][] masks = Demix.Dsp.Masking.Masks.Soft([.. final.Select(f => Overfit.FromImage(f, x.Frames, x.Bins))], 2f, 1e-10f, spreadEpsilon: true);
        double sdr = x.VocalSdr(masks[0]);
        output.WriteLine($"vocal SDR {sdr:F2} dB (mixture: {x.VocalSdr(Ones(x)):F2} dB)");
        Assert.True(sdr >= 4.0, $"vocal SDR {sdr:F2} dB");
    }

    private static float[] Ones(MusdbExcerpt x) => Enumerable.Repeat(1f, x.Frames * x.Bins).ToArray();

    private static void RandomiseStatistics(SeedModel model)
    {
        var random = new Random(9);
        foreach (var (key, tensor) in model.Network.StateDict())
        {
            if (key.EndsWith("running_var", StringComparison.Ordinal)) for (int i = 0; i < tensor.Length; i++) tensor.Data[i] = 0.5f + (float)random.NextDouble();
            if (key.EndsWith("running_mean", StringComparison.Ordinal)) for (int i = 0; i < tensor.Length; i++) tensor.Data[i] = (float)random.NextDouble() - 0.5f;
        }
    }
}
