using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>2-d convolution layer. [N, Cin, H, W] -> [N, Cout, OH, OW]; weight [Cout, Cin/groups, kH, kW], bias [Cout].</summary>
public sealed class Conv2d : Layer
{
    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Conv2d(int inChannels, int outChannels, (int Height, int Width) kernel, Random random, ConvOptions? options = null, bool bias = true)
    {
        Options = options ?? ConvOptions.Default;
        Weight = RegisterParameter("weight", new Tensor(outChannels, inChannels / Options.Groups, kernel.Height, kernel.Width));
        Init.KaimingUniform(Weight, random);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor(outChannels));
            Init.BiasUniform(Bias, Weight, random);
        }
    }

    /// <summary>Square kernel.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random random, ConvOptions? options = null, bool bias = true)
        : this(inChannels, outChannels, (kernelSize, kernelSize), random, options, bias)
    {
    }

    /// <summary>Stride, padding, dilation, groups.</summary>
    public ConvOptions Options { get; }

    /// <summary>[Cout, Cin/groups, kH, kW].</summary>
    public Tensor Weight { get; }

    /// <summary>[Cout] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.Conv2d(input, Weight, Bias, Options);
}

/// <summary>1-d convolution layer. [N, Cin, L] -> [N, Cout, OL]; weight [Cout, Cin/groups, k]. Uses the width fields of the options.</summary>
public sealed class Conv1d : Layer
{
    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, Random random, ConvOptions? options = null, bool bias = true)
    {
        Options = options ?? ConvOptions.Default;
        Weight = RegisterParameter("weight", new Tensor(outChannels, inChannels / Options.Groups, kernelSize));
        Init.KaimingUniform(Weight, random);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor(outChannels));
            Init.BiasUniform(Bias, Weight, random);
        }
    }

    /// <summary>Stride, padding (left/right), dilation, groups.</summary>
    public ConvOptions Options { get; }

    /// <summary>[Cout, Cin/groups, k].</summary>
    public Tensor Weight { get; }

    /// <summary>[Cout] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.Conv1d(input, Weight, Bias, Options);
}

/// <summary>
/// Transposed 2-d convolution layer. [N, Cin, H, W] -> [N, Cout, OH, OW]; weight [Cin, Cout/groups, kH, kW].
/// The options' paddings crop the full output; <see cref="ConvOptions.Same"/> gives TensorFlow's 'SAME' (H * stride).
/// </summary>
public sealed class ConvTranspose2d : Layer
{
    /// <summary>Creates the layer with PyTorch's default initialisation (fan-in from weight axis 1).</summary>
    public ConvTranspose2d(int inChannels, int outChannels, (int Height, int Width) kernel, Random random, ConvOptions? options = null, bool bias = true)
    {
        Options = options ?? ConvOptions.Default;
        Weight = RegisterParameter("weight", new Tensor(inChannels, outChannels / Options.Groups, kernel.Height, kernel.Width));
        Init.KaimingUniform(Weight, random);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor(outChannels));
            Init.BiasUniform(Bias, Weight, random);
        }
    }

    /// <summary>Square kernel.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Random random, ConvOptions? options = null, bool bias = true)
        : this(inChannels, outChannels, (kernelSize, kernelSize), random, options, bias)
    {
    }

    /// <summary>Stride, crops, dilation, groups.</summary>
    public ConvOptions Options { get; }

    /// <summary>[Cin, Cout/groups, kH, kW].</summary>
    public Tensor Weight { get; }

    /// <summary>[Cout] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.ConvTranspose2d(input, Weight, Bias, Options);
}
