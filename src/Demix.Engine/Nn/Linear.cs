using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>y = x Wᵀ + b. x: [..., in] -> [..., out]; weight [out, in], bias [out] (PyTorch layout and initialisation).</summary>
public sealed class Linear : Layer
{
    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Linear(int inFeatures, int outFeatures, Random random, bool bias = true)
    {
        Weight = RegisterParameter("weight", new Tensor(outFeatures, inFeatures));
        Init.KaimingUniform(Weight, random);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor(outFeatures));
            Init.BiasUniform(Bias, Weight, random);
        }
    }

    /// <summary>[out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>[out] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.Linear(input, Weight, Bias);
}
