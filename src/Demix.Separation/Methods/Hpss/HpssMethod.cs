using Demix.Separation.Methods.Repet;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Hpss;

/// <summary>Method <c>hpss</c>: median-filtering HPSS (FitzGerald 2010), vocals = harmonic part above 100 Hz.</summary>
public static class HpssMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "hpss";

    /// <summary>Creates the method.</summary>
    public static MaskedMethod Create(HpssOptions? options = null)
    {
        options ??= new HpssOptions();
        options.Validate();
        return new MaskedMethod(MethodName, new HpssModel(options), rate =>
        {
            int fft = MaskedMethod.PowerOfTwo(options.WindowSeconds, rate);
            return (fft, fft / 4, Demix.Dsp.Stft.Window.Hann(fft));
        });
    }
}
