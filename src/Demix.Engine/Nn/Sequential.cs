using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>Runs layers in order; they are registered as "0", "1", ... as in PyTorch's nn.Sequential.</summary>
public sealed class Sequential : Layer
{
    private readonly Layer[] layers;

    /// <summary>Chains the layers.</summary>
    public Sequential(params Layer[] layers)
    {
        this.layers = layers;
        for (int i = 0; i < layers.Length; i++) Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer> Layers => layers;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }
}

/// <summary>A parameter-free layer wrapping an elementwise function, e.g. <c>new Activation(x => x.Relu())</c>.</summary>
public sealed class Activation(Func<Tensor, Tensor> function) : Layer
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => function(input);
}

/// <summary>Inverted dropout with probability p, active only in training mode; masks come from the injected Random.</summary>
public sealed class Dropout(float probability, Random random) : Layer
{
    /// <summary>Probability of zeroing an element.</summary>
    public float Probability { get; } = probability;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Dropout(Probability, random, Training);
}
