namespace Demix.Separation.Spectral;

/// <summary>
/// The periodic Hamming window REPET and REPET-SIM publish (the DFT-even form, as MATLAB's 'periodic').
/// Hann windows come from <see cref="Demix.Dsp.Stft.Window"/>.
/// </summary>
public static class StftWindow
{
    /// <summary>Periodic Hamming window: <c>w[n] = 0.54 - 0.46 cos(2 pi n / N)</c>.</summary>
    public static float[] Hamming(int size) => Cosine(size, 0.54, 0.46);

    private static float[] Cosine(int size, double a0, double a1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var window = new float[size];
        for (int n = 0; n < size; n++) window[n] = (float)(a0 - a1 * Math.Cos(2 * Math.PI * n / size));
        return window;
    }
}
