using Demix.Separation.Methods.Repet;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Rpca;

/// <summary>Method <c>rpca</c>: robust PCA singing-voice separation (Huang et al. 2012) with its published parameters.</summary>
public static class RpcaMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "rpca";

    /// <summary>Creates the method.</summary>
    public static MaskedMethod Create(RpcaOptions? options = null)
    {
        options ??= new RpcaOptions();
        options.Validate();
        return new MaskedMethod(MethodName, new RpcaModel(options), rate =>
        {
            int fft = MaskedMethod.PowerOfTwo(options.WindowSeconds, rate);
            return (fft, fft / 4, Demix.Dsp.Stft.Window.Hann(fft));
        });
    }
}
