using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Repet;

/// <summary>Method <c>repet</c>: REPET with its published parameters (<see cref="RepetOptions"/>), over the whole track.</summary>
public static class RepetMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "repet";

    /// <summary>Creates the method.</summary>
    public static MaskedMethod Create(RepetOptions? options = null)
    {
        options ??= new RepetOptions();
        options.Validate();
        return new MaskedMethod(MethodName, new RepetModel(options), rate =>
        {
            int fft = MaskedMethod.PowerOfTwo(options.WindowSeconds, rate);
            return (fft, fft / 2, Window.Hamming(fft));
        });
    }
}
