using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Spleeter;

/// <summary>The activations Spleeter's <c>conv_activation</c>/<c>deconv_activation</c> parameters name.</summary>
public static class SpleeterActivation
{
    /// <summary>The function for <paramref name="name"/>: <c>LeakyReLU</c> (slope 0.2), <c>ELU</c> (alpha 1) or <c>ReLU</c>.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static Func<Tensor, Tensor> Parse(string name) => name switch
    {
        "LeakyReLU" => x => x.LeakyRelu(0.2f),
        "ELU" => x => x.Elu(1f),
        "ReLU" => x => x.Relu(),
        _ => throw new ArgumentException($"unknown activation '{name}': use LeakyReLU, ELU or ReLU."),
    };
}
