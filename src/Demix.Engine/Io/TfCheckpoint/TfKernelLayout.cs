namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// Converts TensorFlow convolution kernels to the engine's (PyTorch's) layout:
/// Conv2D [kh, kw, in, out] → [out, in, kh, kw]; Conv2DTranspose [kh, kw, out, in] → [in, out, kh, kw].
/// Both are pure axis permutations (TF and PyTorch both cross-correlate, so kernels are not flipped).
/// </summary>
public static class TfKernelLayout
{
    /// <summary>A Conv2D kernel [kh, kw, in, out] as [out, in, kh, kw].</summary>
    public static NamedTensorData Conv2d(NamedTensorData kernel) => Permute(kernel, [3, 2, 0, 1]);

    /// <summary>A Conv2DTranspose kernel [kh, kw, out, in] as [in, out, kh, kw] (PyTorch ConvTranspose2d weight).</summary>
    public static NamedTensorData Conv2dTranspose(NamedTensorData kernel) => Permute(kernel, [3, 2, 0, 1]);

    /// <summary>Result axis i is source axis <paramref name="order"/>[i].</summary>
    private static NamedTensorData Permute(NamedTensorData kernel, int[] order)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var shape = kernel.Shape;
        if (shape.Length != 4) throw new ArgumentException($"Kernel '{kernel.Name}' has shape {kernel.ShapeText}; a 2-D convolution kernel has 4 axes.");
        var newShape = order.Select(axis => shape[axis]).ToArray();
        var sourceStrides = new[] { shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1 };
        var data = new float[kernel.Data.Length];
        int index = 0;
        for (int a = 0; a < newShape[0]; a++)
            for (int b = 0; b < newShape[1]; b++)
                for (int c = 0; c < newShape[2]; c++)
                    for (int d = 0; d < newShape[3]; d++)
                    {
                        data[index++] = kernel.Data[a * sourceStrides[order[0]] + b * sourceStrides[order[1]]
                            + c * sourceStrides[order[2]] + d * sourceStrides[order[3]]];
                    }
        return kernel with { Shape = newShape, Data = data };
    }
}
