namespace Demix.Imaging.Png;

/// <summary>
/// The seven passes of Adam7 interlacing (PNG spec section 8.2): pass p covers the pixels
/// x = XStart[p] + k * XStep[p], y = YStart[p] + j * YStep[p].
/// </summary>
internal static class Adam7
{
    public static ReadOnlySpan<int> XStart => [0, 4, 0, 2, 0, 1, 0];
    public static ReadOnlySpan<int> YStart => [0, 0, 4, 0, 2, 0, 1];
    public static ReadOnlySpan<int> XStep => [8, 8, 4, 4, 2, 2, 1];
    public static ReadOnlySpan<int> YStep => [8, 8, 8, 4, 4, 2, 2];

    /// <summary>Width and height in pixels of pass <paramref name="pass"/> (either may be 0: the pass is empty).</summary>
    public static (int Width, int Height) PassSize(int pass, int width, int height) => (
        Count(width, XStart[pass], XStep[pass]),
        Count(height, YStart[pass], YStep[pass]));

    private static int Count(int size, int start, int step) => size <= start ? 0 : (size - start + step - 1) / step;
}
