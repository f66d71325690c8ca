using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>Layer norm over the trailing axes given by <paramref name="normalizedShape"/>; weight (ones) and bias (zeros) of that shape.</summary>
public sealed class LayerNorm : Layer
{
    private readonly int[] normalizedShape;

    /// <summary>Creates the layer.</summary>
    public LayerNorm(int[] normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true)
    {
        this.normalizedShape = normalizedShape;
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", TensorFactory.Ones(normalizedShape));
            Bias = RegisterParameter("bias", TensorFactory.Zeros(normalizedShape));
        }
    }

    /// <summary>Over the last axis only.</summary>
    public LayerNorm(int features, float eps = 1e-5f) : this([features], eps)
    {
    }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Scale or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Shift or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (!input.Shape.AsSpan(input.Rank - normalizedShape.Length).SequenceEqual(normalizedShape))
        {
            throw new ArgumentException($"LayerNorm{ShapeMath.Text(normalizedShape)} does not fit the input {input.ShapeText}.");
        }
        return Tensor.LayerNorm(input, normalizedShape.Length, Weight, Bias, Eps);
    }
}

/// <summary>Group norm of [N, C, *]: statistics per sample and group of C/groups channels; per-channel affine.</summary>
public sealed class GroupNorm : Layer
{
    /// <summary>Creates the layer (weight ones, bias zeros).</summary>
    public GroupNorm(int groups, int channels, float eps = 1e-5f, bool affine = true)
    {
        if (channels % groups != 0) throw new ArgumentException($"{groups} groups do not divide {channels} channels.");
        Groups = groups;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", TensorFactory.Ones(channels));
            Bias = RegisterParameter("bias", TensorFactory.Zeros(channels));
        }
    }

    /// <summary>Number of channel groups.</summary>
    public int Groups { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.GroupNorm(input, Groups, Weight, Bias, Eps);
}

/// <summary>Instance norm of [N, C, *] (statistics per sample and channel); no affine map by default, as in PyTorch.</summary>
public sealed class InstanceNorm : Layer
{
    /// <summary>Creates the layer.</summary>
    public InstanceNorm(int channels, float eps = 1e-5f, bool affine = false)
    {
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", TensorFactory.Ones(channels));
            Bias = RegisterParameter("bias", TensorFactory.Zeros(channels));
        }
    }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.InstanceNorm(input, Weight, Bias, Eps);
}
