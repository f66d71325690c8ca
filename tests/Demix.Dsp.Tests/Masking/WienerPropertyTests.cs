using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Masking;

public sealed class WienerPropertyTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 0)]
    [InlineData(2, 3)]
    public void Filter_SourcesSumToMixture(int channels, int iterations)
    {
        // With the residual, niter 0 keeps the sum exactly; EM gains sum to I - sqrt(eps) C^-1, so loud bins keep it too.
        var config = StftConfig.Torch(512, 128);
        float[][] a = [.. Enumerable.Range(0, channels).Select(c => ReferenceDft.RandomSignal(4000, 10 + c))];
        float[][] b = [.. Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, 4000).Select(n => (float)Math.Sin(0.05 * n + c)).ToArray())];
        float[][] mixture = [.. a.Zip(b, (p, q) => p.Zip(q, (u, v) => u + v).ToArray())];
        ComplexSpectrogram mix = StftTransform.Forward(mixture, config);
        float[] estimate = StftTransform.Forward(b, config).Magnitude();
        ComplexSpectrogram[] sources = Wiener.Filter(mix, [estimate], iterations, residual: true, blockFrames: 10);
        float[] magnitude = mix.Magnitude();
        float loud = 0.1f * magnitude.Max();   // the sqrt(eps) regulariser bends the sum of quiet bins
        for (int i = 0; i < mix.Length; i++)
        {
            if (magnitude[i] < loud) continue;
            double errorRe = sources[0].Real[i] + sources[1].Real[i] - mix.Real[i];
            double errorIm = sources[0].Imag[i] + sources[1].Imag[i] - mix.Imag[i];
            Assert.True(Math.Sqrt(errorRe * errorRe + errorIm * errorIm) < 1e-3 * magnitude[i], $"element {i}");
        }
    }

    [Fact]
    public void Filter_PerfectEstimates_RecoverSourcesClosely()
    {
        // A sine and noise in mono: oracle magnitudes with one EM iteration give the sine back to within -30 dB.
        var config = StftConfig.Torch(1024, 256);
        float[] noise = ReferenceDft.RandomSignal(16000, 3).Select(v => 0.1f * v).ToArray();
        float[] sine = Enumerable.Range(0, 16000).Select(n => (float)Math.Sin(2 * Math.PI * 440 * n / 16000)).ToArray();
        ComplexSpectrogram mix = StftTransform.Forward(sine.Zip(noise, (p, q) => p + q).ToArray(), config);
        ComplexSpectrogram[] sources = Wiener.Filter(mix,
            [StftTransform.Forward(sine, config).Magnitude(), StftTransform.Forward(noise, config).Magnitude()], iterations: 1, residual: false);
        float[] recovered = StftTransform.Inverse(sources[0], config, 16000)[0];
        double error = Compare.Rms(recovered, sine), level = Math.Sqrt(sine.Average(v => (double)v * v));
        Assert.True(20 * Math.Log10(level / error) > 30, $"SNR {20 * Math.Log10(level / error):F1} dB");
    }

    [Fact]
    public void Filter_BadInput_Throws()
    {
        var mix = new ComplexSpectrogram(2, 4, 5);
        Assert.Throws<ArgumentException>(() => Wiener.Filter(mix, [new float[39]]));
        Assert.Throws<ArgumentException>(() => Wiener.Filter(mix, [new float[40]], iterations: 1, residual: false));
        Assert.Throws<ArgumentException>(() => Wiener.Filter(new ComplexSpectrogram(3, 4, 5), [new float[60]]));
    }
}
