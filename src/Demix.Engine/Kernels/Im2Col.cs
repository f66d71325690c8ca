namespace Demix.Engine.Kernels;

/// <summary>
/// Unfolds image patches into columns so that a 2-d convolution becomes one matrix product, and folds them back.
/// Input image: [channels, height, width]; columns: [channels * kernelHeight * kernelWidth, outHeight * outWidth].
/// Padding is zero padding; <paramref name="geometry"/> gives kernel, stride, padding and dilation.
/// </summary>
/// <remarks>Placeholder reference loops; the tuned kernels replace the bodies, not the signatures.</remarks>
public static class Im2Col
{
    /// <summary>columns[(c, ky, kx), (oy, ox)] = input[c, oy*sy - padTop + ky*dy, ox*sx - padLeft + kx*dx] (0 outside).</summary>
    public static void Unfold(ReadOnlySpan<float> input, in ConvGeometry geometry, Span<float> columns)
    {
        int outPixels = geometry.OutHeight * geometry.OutWidth;
        for (int c = 0; c < geometry.Channels; c++)
        for (int ky = 0; ky < geometry.KernelHeight; ky++)
        for (int kx = 0; kx < geometry.KernelWidth; kx++)
        {
            int row = (c * geometry.KernelHeight + ky) * geometry.KernelWidth + kx;
            for (int oy = 0; oy < geometry.OutHeight; oy++)
            {
                int iy = oy * geometry.StrideHeight - geometry.PadTop + ky * geometry.DilationHeight;
                for (int ox = 0; ox < geometry.OutWidth; ox++)
                {
                    int ix = ox * geometry.StrideWidth - geometry.PadLeft + kx * geometry.DilationWidth;
                    bool inside = iy >= 0 && iy < geometry.Height && ix >= 0 && ix < geometry.Width;
                    columns[row * outPixels + oy * geometry.OutWidth + ox] =
                        inside ? input[(c * geometry.Height + iy) * geometry.Width + ix] : 0f;
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="Unfold"/>: input[c, iy, ix] += every column entry that was read from it.</summary>
    public static void FoldAdd(ReadOnlySpan<float> columns, in ConvGeometry geometry, Span<float> input)
    {
        int outPixels = geometry.OutHeight * geometry.OutWidth;
        for (int c = 0; c < geometry.Channels; c++)
        for (int ky = 0; ky < geometry.KernelHeight; ky++)
        for (int kx = 0; kx < geometry.KernelWidth; kx++)
        {
            int row = (c * geometry.KernelHeight + ky) * geometry.KernelWidth + kx;
            for (int oy = 0; oy < geometry.OutHeight; oy++)
            {
                int iy = oy * geometry.StrideHeight - geometry.PadTop + ky * geometry.DilationHeight;
                if (iy < 0 || iy >= geometry.Height) continue;
                for (int ox = 0; ox < geometry.OutWidth; ox++)
                {
                    int ix = ox * geometry.StrideWidth - geometry.PadLeft + kx * geometry.DilationWidth;
                    if (ix < 0 || ix >= geometry.Width) continue;
                    input[(c * geometry.Height + iy) * geometry.Width + ix] += columns[row * outPixels + oy * geometry.OutWidth + ox];
                }
            }
        }
    }
}
