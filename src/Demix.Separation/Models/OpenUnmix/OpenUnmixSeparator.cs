using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// The Open-Unmix <c>Separator</c>: STFT (4096/1024, periodic Hann, center with reflect padding), magnitude,
/// one network per target, the multichannel Wiener filter by EM in blocks of <c>wiener_win_len</c> frames,
/// inverse STFT to the input length. Works on stereo buffers; a mono network sees the channel-averaged magnitude
/// (the reference's <c>ComplexNorm(mono=True)</c>) and its estimate is applied to both channels.
/// </summary>
public sealed class OpenUnmixSeparator : ISeparator
{
    private readonly OpenUnmixModel model;
    private readonly StftConfig config;

    /// <summary>Wraps <paramref name="model"/>.</summary>
    public OpenUnmixSeparator(OpenUnmixModel model)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        config = model.Card.Stft.ToConfig();
    }

    /// <inheritdoc />
    public int? SampleRate => model.Card.SampleRate;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems => model.Stems;

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (sampleRate != model.Card.SampleRate)
        {
            throw new ArgumentException($"Model '{model.Card.Name}' runs at {model.Card.SampleRate} Hz, the input is at {sampleRate} Hz.", nameof(sampleRate));
        }
        if (mix.Length != ChannelCount) throw new ArgumentException($"Open-Unmix separates {ChannelCount} channels, got {mix.Length}.", nameof(mix));
        int length = mix[0].Length;
        // Reflect padding needs more than fftSize/2 samples: a shorter tail chunk is zero-extended, then cut back.
        float[][] input = length > config.FftSize / 2 ? mix : [.. mix.Select(c => Extend(c, config.FftSize))];
        ComplexSpectrogram[] sources = SeparateSpectrogram(StftTransform.Forward(input, config));
        var stems = new float[sources.Length][][];
        for (int j = 0; j < sources.Length; j++)
        {
            stems[j] = StftTransform.Inverse(sources[j], config, input[0].Length);
            if (input != mix) stems[j] = [.. stems[j].Select(c => c[..length])];
        }
        return stems;
    }

    /// <summary>Networks, then Wiener: one complex spectrogram per stem, [channels, frames, bins] each.</summary>
    public ComplexSpectrogram[] SeparateSpectrogram(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        float[][] magnitudes = PredictMagnitudes(mixture);
        var settings = model.HyperParameters;
        return Wiener.Filter(mixture, magnitudes, settings.WienerIterations, settings.Softmask, model.UsesResidual, settings.WienerWindowFrames);
    }

    /// <summary>Target magnitudes, [targets][channels * frames * bins] in the mixture's layout.</summary>
    public float[][] PredictMagnitudes(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        int networkChannels = model.HyperParameters.ChannelCount;
        Tensor input = SpectrogramLayout.ToNetworkInput(mixture.Magnitude(), mixture.ChannelCount, mixture.FrameCount, mixture.BinCount, networkChannels);
        var result = new float[model.Networks.Count][];
        using var noGrad = new NoGradScope();
        for (int j = 0; j < result.Length; j++)
        {
            Tensor output = model.Networks[j].Forward(input);   // [T, 1, networkChannels, F]
            result[j] = SpectrogramLayout.FromNetworkOutput(output, mixture.ChannelCount);
        }
        return result;
    }

    private static float[] Extend(float[] channel, int length)
    {
        var result = new float[length];
        channel.CopyTo(result, 0);
        return result;
    }
}
