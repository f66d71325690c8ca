using Demix.Dsp.Stft;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// S0's separation: each channel's spectrogram is cut into images of <c>imageSize</c> frames (the last padded
/// black), the generator turns each into the vocal image, the images become magnitudes again (bins above the image
/// are 0), and audio comes back through the mixture's phase or Griffin-Lim; accompaniment = mixture - vocals.
/// </summary>
public sealed class Pix2PixSeparator(Pix2PixNetwork network, int sampleRate, StftConfig config) : ISeparator
{
    private readonly Pix2PixHyperParameters hp = network.HyperParameters;

    /// <inheritdoc />
    public int? SampleRate { get; } = sampleRate;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (sampleRate != SampleRate) throw new ArgumentException($"The model runs at {SampleRate} Hz, the input is at {sampleRate} Hz.", nameof(sampleRate));
        int length = mix[0].Length;
        float[][] input = MixturePhase.ExtendTo(mix, config.FftSize + 1);
        ComplexSpectrogram mixture = StftTransform.Forward(input, config);
        float[] magnitude = mixture.Magnitude();
        float[] vocal = PredictVocalMagnitude(magnitude, mixture.ChannelCount, mixture.FrameCount, mixture.BinCount);
        float[][] vocals = hp.Phase == PhaseSource.GriffinLim
            ? GriffinLim.Reconstruct(vocal, mixture, config, input[0].Length, hp.GriffinLimIterations)
            : StftTransform.Inverse(MixturePhase.Apply(mixture, magnitude, vocal), config, input[0].Length);
        float[][] accompaniment = [.. input.Zip(vocals, (x, v) => x.Zip(v, (a, b) => a - b).ToArray())];
        return [[.. vocals.Select(c => c[..length])], [.. accompaniment.Select(c => c[..length])]];
    }

    /// <summary>The generated vocal magnitude, [channels * frames * bins].</summary>
    public float[] PredictVocalMagnitude(float[] magnitude, int channels, int frames, int bins)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        var images = new SpectrogramImage(hp.ReferenceMagnitude, hp.DynamicRangeDb, hp.ImageSize);
        var result = new float[magnitude.Length];
        int size = hp.ImageSize, plane = frames * bins;
        using var noGrad = new NoGradScope();
        for (int c = 0; c < channels; c++)
        {
            for (int first = 0; first < frames; first += size)
            {
                float[] image = images.ToImage(magnitude.AsSpan(c * plane, plane), frames, bins, first);
                Tensor generated = network.Generator.Forward(new Tensor([1, 1, size, size], image));
                images.FromImage(generated.Data, result.AsSpan(c * plane, plane), frames, bins, first);
            }
        }
        return result;
    }
}
