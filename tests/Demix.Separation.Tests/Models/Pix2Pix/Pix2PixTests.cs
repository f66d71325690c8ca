using Demix.Dsp.Stft;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Tests.Models.Seeds;
using Xunit.Abstractions;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Tests.Models.Pix2Pix;

public sealed class Pix2PixTests(ITestOutputHelper output)
{
    private static Pix2PixHyperParameters Tiny() => new()
    {
        SampleRate = 8000, FftSize = 512, HopSize = 128, ImageSize = 128, GeneratorLevels = 7, GeneratorChannels = 8, DiscriminatorChannels = 8,
    };

    [Fact]
    public void Published_256Image_GeneratorKeepsTheShape_DiscriminatorGives30x30Patches()
    {
        var hp = new Pix2PixHyperParameters { GeneratorChannels = 4, DiscriminatorChannels = 4 };
        var network = new Pix2PixNetwork(hp, new Random(1));
        network.Eval();
        var image = TensorFactory.Uniform(new Random(2), [1, 1, 256, 256], -1f, 1f);
        using var noGrad = new NoGradScope();
        Tensor generated = network.Generator.Forward(image);
        Assert.Equal([1, 1, 256, 256], generated.Shape);
        Assert.All(generated.Data, v => Assert.InRange(v, -1f, 1f));
        Assert.Equal([1, 1, 30, 30], network.Discriminator.Forward(image, generated).Shape);   // 70x70 receptive field
    }

    [Fact]
    public void SpectrogramImage_RoundTrip_WithinTheDynamicRange()
    {
        var images = new SpectrogramImage(64f, 80f, 16);
        var random = new Random(3);
        float[] magnitude = [.. Enumerable.Range(0, 20 * 17).Select(_ => 64f * MathF.Pow(10f, -3f * (float)random.NextDouble()))];
        float[] image = images.ToImage(magnitude, 20, 17, 2);
        var back = new float[magnitude.Length];
        images.FromImage(image, back, 20, 17, 2);
        for (int t = 2; t < 18; t++) for (int k = 0; k < 16; k++) Assert.Equal(magnitude[t * 17 + k], back[t * 17 + k], magnitude[t * 17 + k] * 1e-3f);
        Assert.Equal(1f, images.ToPixel(64f));
        Assert.Equal(-1f, images.ToPixel(64f * 1e-5f));
        Assert.Equal(magnitude[2 * 17 + 15], images.ToMagnitude(image[0 * 16 + 0]), 1e-3f);   // top-left pixel = highest bin of the first frame
    }

    [Fact]
    public void GriffinLim_LowersTheSpectralConvergence_FromARandomPhase()
    {
        var config = StftConfig.Torch(256, 64, center: true);
        float[][] signal = TinyModels.Mixture(4000, 8000, 4)[..1];
        var spectrogram = StftTransform.Forward(signal, config);
        float[] magnitude = spectrogram.Magnitude();
        var random = new Random(5);
        var start = spectrogram.Clone();
        for (int i = 0; i < start.Length; i++)
        {
            double phase = random.NextDouble() * 2 * Math.PI;
            start.Real[i] = (float)Math.Cos(phase);
            start.Imag[i] = (float)Math.Sin(phase);
        }
        double initial = GriffinLim.SpectralConvergence(GriffinLim.Reconstruct(magnitude, start, config, 4000, 0), magnitude, config);
        double after = GriffinLim.SpectralConvergence(GriffinLim.Reconstruct(magnitude, start, config, 4000, 30), magnitude, config);
        output.WriteLine($"spectral convergence {initial:F3} -> {after:F3}");
        Assert.True(after < 0.5 * initial, $"{initial} -> {after}");
        double exact = GriffinLim.SpectralConvergence(GriffinLim.Reconstruct(magnitude, spectrogram, config, 4000, 5), magnitude, config);
        Assert.True(exact < 1e-4, $"from the true phase: {exact}");
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputs_WithGriffinLim() =>
        RoundTrip.AssertIdenticalOutputs(Pix2PixFamily.Create("tiny-pix2pix", Tiny() with { Phase = PhaseSource.GriffinLim, GriffinLimIterations = 2 }, new Random(6)), 7);

    /// <summary>Floor: 4 dB vocal SDR (generated image, mixture phase, lowest 128 bins = 0-2 kHz) after 40 GAN steps.</summary>
    [Fact]
    public void Overfit_TinyPix2Pix_ReachesFourDecibelsVocalSdr_In40Steps()
    {
        var x = MusdbExcerpt.Instance;
        var hp = Tiny() with { ReferenceMagnitude = x.MixtureMagnitude.Max() };
        var network = new Pix2PixNetwork(hp, new Random(8));
        var images = new SpectrogramImage(hp.ReferenceMagnitude, hp.DynamicRangeDb, hp.ImageSize);
        var condition = new Tensor([1, 1, 128, 128], images.ToImage(x.MixtureMagnitude, x.Frames, x.Bins, 0));
        var target = new Tensor([1, 1, 128, 128], images.ToImage(x.VocalMagnitude, x.Frames, x.Bins, 0));
        var trainer = new Pix2PixTrainer(network, learningRate: 2e-3f);
        (float D, float Adversarial, float L1) losses = default;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (int step = 0; step < 40; step++) losses = trainer.Step(condition, target);
        output.WriteLine($"40 steps: D {losses.D:G3}, G adversarial {losses.Adversarial:G3}, L1 {losses.L1:G3}; " +
            $"{(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU");
        network.Eval();
        var separator = new Pix2PixSeparator(network, 8000, x.Config);
        float[] vocal = separator.PredictVocalMagnitude(x.MixtureMagnitude, 1, x.Frames, x.Bins);
        double sdr = x.VocalSdr(x.RatioMask(vocal));
        output.WriteLine($"vocal SDR {sdr:F2} dB");
        Assert.True(sdr >= 4.0, $"vocal SDR {sdr:F2} dB");
    }
}
