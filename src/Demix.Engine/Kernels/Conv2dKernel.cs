namespace Demix.Engine.Kernels;

/// <summary>
/// Batched, grouped 2-d convolution kernels on [batch, channels, height, width] spans (see <see cref="Conv2dShape"/>).
/// 1x1 convolutions with stride 1 and no padding are plain matrix products; the forward pass of kh x 1 "frame"
/// convolutions (stride 1) reads shifted input rows in place (<see cref="ConvFrame"/>); everything else runs im2col + SGEMM
/// over bands of output rows that stay in cache, in parallel over bands/images when there are enough of them.
/// A transposed convolution is <see cref="BackwardData"/> of the convolution it transposes (and its gradients are
/// <see cref="Forward"/> and <see cref="BackwardWeight"/> with input and output swapped).
/// </summary>
public static unsafe class Conv2dKernel
{
    /// <summary>output[n, o, oy, ox] = bias[o] + sum over (c, ky, kx) of weight[o, c, ky, kx] * input[n, g*C + c, iy, ix].</summary>
    /// <param name="bias">[OutChannels], or empty for none.</param>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> output, in Conv2dShape shape)
    {
        Check(shape, input.Length, output.Length, weight.Length);
        if (!bias.IsEmpty)
        {
            Conv2dShape.CheckLength("bias", bias.Length, shape.OutChannels);
        }

        fixed (float* x = input)
        fixed (float* w = weight)
        fixed (float* b = bias)
        fixed (float* y = output)
        {
            var p = new ConvPointers(x, y, w, bias.IsEmpty ? null : b);
            if (ConvPointwise.Applies(shape))
            {
                ConvPointwise.Forward(p, shape, GemmBackend.MaxThreads);
            }
            else if (ConvSmallDirect.Applies(shape))
            {
                ConvSmallDirect.Forward(p, shape, GemmBackend.MaxThreads);
            }
            else if (ConvFrame.Applies(shape))
            {
                ConvFrame.Forward(p, shape, GemmBackend.MaxThreads);
            }
            else
            {
                ConvIm2ColPath.Forward(p, shape, GemmBackend.MaxThreads);
            }
        }
    }

    /// <summary>inputGrad (+)= the adjoint of <see cref="Forward"/> (without bias) applied to outputGrad; also the transposed convolution.</summary>
    /// <param name="accumulate">Add to inputGrad instead of overwriting it.</param>
    public static void BackwardData(ReadOnlySpan<float> outputGrad, ReadOnlySpan<float> weight, Span<float> inputGrad,
        in Conv2dShape shape, bool accumulate)
    {
        Check(shape, inputGrad.Length, outputGrad.Length, weight.Length);
        fixed (float* dx = inputGrad)
        fixed (float* w = weight)
        fixed (float* dy = outputGrad)
        {
            var p = new ConvPointers(dx, dy, w, null);
            if (ConvPointwise.Applies(shape))
            {
                ConvPointwise.BackwardData(p, shape, GemmBackend.MaxThreads, accumulate);
                return;
            }

            if (!accumulate)
            {
                inputGrad[..checked((int)shape.InputLength)].Clear();
            }

            ConvIm2ColPath.BackwardData(p, shape, GemmBackend.MaxThreads);
        }
    }

    /// <summary>weightGrad[o, c, ky, kx] (+)= sum over n, oy, ox of outputGrad[n, o, oy, ox] * input[n, g*C + c, iy, ix].</summary>
    /// <param name="accumulate">Add to weightGrad instead of overwriting it.</param>
    public static void BackwardWeight(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGrad, Span<float> weightGrad,
        in Conv2dShape shape, bool accumulate)
    {
        Check(shape, input.Length, outputGrad.Length, weightGrad.Length);
        if (shape.Batch == 0)
        {
            if (!accumulate)
            {
                weightGrad[..checked((int)shape.WeightLength)].Clear();
            }

            return;
        }

        fixed (float* x = input)
        fixed (float* dw = weightGrad)
        fixed (float* dy = outputGrad)
        {
            var p = new ConvPointers(x, dy, dw, null);
            if (ConvPointwise.Applies(shape))
            {
                ConvPointwise.BackwardWeight(p, shape, GemmBackend.MaxThreads, accumulate);
            }
            else
            {
                ConvIm2ColPath.BackwardWeight(p, shape, GemmBackend.MaxThreads, accumulate);
            }
        }
    }

    /// <summary>biasGrad[o] (+)= sum over n, oy, ox of outputGrad[n, o, oy, ox].</summary>
    public static void BackwardBias(ReadOnlySpan<float> outputGrad, Span<float> biasGrad, in Conv2dShape shape, bool accumulate)
    {
        shape.Validate();
        Conv2dShape.CheckLength("output gradient", outputGrad.Length, shape.OutputLength);
        Conv2dShape.CheckLength("bias gradient", biasGrad.Length, shape.OutChannels);
        for (int o = 0; o < shape.OutChannels; o++)
        {
            double sum = 0;
            for (int n = 0; n < shape.Batch; n++)
            {
                sum += System.Numerics.Tensors.TensorPrimitives.Sum(outputGrad.Slice((n * shape.OutChannels + o) * shape.OutPixels, shape.OutPixels));
            }

            biasGrad[o] = (float)(accumulate ? biasGrad[o] + sum : sum);
        }
    }

    private static void Check(in Conv2dShape shape, int inputLength, int outputLength, int weightLength)
    {
        shape.Validate();
        Conv2dShape.CheckLength("input", inputLength, shape.InputLength);
        Conv2dShape.CheckLength("output", outputLength, shape.OutputLength);
        Conv2dShape.CheckLength("weight", weightLength, shape.WeightLength);
    }
}
