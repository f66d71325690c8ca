using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// The Open-Unmix <c>Separator</c>: STFT (periodic Hann, center with reflect padding), magnitude, one network per
/// target, the multichannel Wiener filter by EM in blocks of <c>wiener_win_len</c> frames, inverse STFT to the input
/// length. Works on stereo buffers; a mono network sees the channel-averaged magnitude (the reference's
/// <c>ComplexNorm(mono=True)</c>) and its estimate is applied to both channels.
/// Test-time augmentation (<see cref="OpenUnmixHyperParameters.ChannelSwap"/>, <see cref="OpenUnmixHyperParameters.Shifts"/>)
/// averages the estimates of transformed copies of the input, each transformed back.
/// </summary>
public sealed class OpenUnmixSeparator : ISeparator
{
    private readonly OpenUnmixModel model;
    private readonly StftConfig config;

    /// <summary>Wraps <paramref name="model"/> with the card's settings.</summary>
    public OpenUnmixSeparator(OpenUnmixModel model)
        : this(model, model?.HyperParameters ?? throw new ArgumentNullException(nameof(model)))
    {
    }

    /// <summary>Wraps <paramref name="model"/>, taking the separator settings (Wiener, augmentation) from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or Wiener EM is asked for a single source.</exception>
    public OpenUnmixSeparator(OpenUnmixModel model, OpenUnmixHyperParameters settings)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (!model.UsesResidual && model.Networks.Count == 1 && settings.WienerIterations > 0)
        {
            throw new ArgumentException("Wiener EM needs at least two sources: this model has one target and no residual, so use 0 Wiener iterations.");
        }
        Settings = settings;
        config = model.Card.Stft.ToConfig();
    }

    /// <summary>The Wiener and augmentation settings in use.</summary>
    public OpenUnmixHyperParameters Settings { get; }

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
        float[][][] sum = SeparateOnce(mix);
        int passes = Settings.Shifts + 1;
        for (int k = 1; k < passes; k++)
        {
            int offsetSamples = (int)((long)k * config.HopSize / passes);   // evenly spaced in (0, hop)
            TimeShift.AddShifted(SeparateOnce(TimeShift.Delay(mix, offsetSamples)), offsetSamples, sum);
        }
        if (passes > 1) TimeShift.Scale(sum, 1f / passes);
        return sum;
    }

    /// <summary>Networks, then Wiener: one complex spectrogram per stem, [channels, frames, bins] each.</summary>
    public ComplexSpectrogram[] SeparateSpectrogram(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        float[][] magnitudes = PredictMagnitudes(mixture);
        return Wiener.Filter(mixture, magnitudes, Settings.WienerIterations, Settings.Softmask, model.UsesResidual, Settings.WienerWindowFrames);
    }

    /// <summary>
    /// Target magnitudes, [targets][channels * frames * bins] in the mixture's layout. With channel swap, the mean of
    /// the estimate for the mixture and the estimate for the swapped mixture, swapped back.
    /// </summary>
    public float[][] PredictMagnitudes(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        float[] magnitude = mixture.Magnitude();
        float[][] result = RunNetworks(magnitude, mixture);
        // A mono network sees the channel mean, which the swap leaves unchanged: nothing to average.
        if (!Settings.ChannelSwap || mixture.ChannelCount != 2 || model.HyperParameters.ChannelCount != 2) return result;
        ChannelSwap.SwapHalves(magnitude);
        float[][] swapped = RunNetworks(magnitude, mixture);
        for (int j = 0; j < result.Length; j++)
        {
            ChannelSwap.SwapHalves(swapped[j]);
            ChannelSwap.Average(result[j], swapped[j]);
        }
        return result;
    }

    /// <summary>Every target network on <paramref name="magnitude"/>, [channels * frames * bins] in <paramref name="shape"/>'s layout.</summary>
    private float[][] RunNetworks(float[] magnitude, ComplexSpectrogram shape)
    {
        int networkChannels = model.HyperParameters.ChannelCount;
        Tensor input = SpectrogramLayout.ToNetworkInput(magnitude, shape.ChannelCount, shape.FrameCount, shape.BinCount, networkChannels);
        var result = new float[model.Networks.Count][];
        using var noGrad = new NoGradScope();
        for (int j = 0; j < result.Length; j++)
        {
            Tensor output = model.Networks[j].Forward(input);   // [T, 1, networkChannels, F]
            result[j] = SpectrogramLayout.FromNetworkOutput(output, shape.ChannelCount);
        }
        return result;
    }

    /// <summary>One plain pass: STFT, networks, Wiener, inverse STFT; [stems][channels][frames] at the input length.</summary>
    private float[][][] SeparateOnce(float[][] mix)
    {
        int length = mix[0].Length;
        // Reflect padding needs more than fftSize/2 samples: a shorter tail chunk is zero-extended, then cut back.
        float[][] input = length > config.FftSize / 2 ? mix : [.. mix.Select(c => Extend(c, config.FftSize))];
        ComplexSpectrogram[] sources = SeparateSpectrogram(StftTransform.Forward(input, config));
        var stems = new float[sources.Length][][];
        for (int j = 0; j < sources.Length; j++)
        {
            stems[j] = StftTransform.Inverse(sources[j], config, input[0].Length);
            sources[j] = null!;   // let the spectrogram go before the next inverse allocates
            if (input != mix) stems[j] = [.. stems[j].Select(c => c[..length])];
        }
        return stems;
    }

    private static float[] Extend(float[] channel, int length)
    {
        var result = new float[length];
        channel.CopyTo(result, 0);
        return result;
    }
}
