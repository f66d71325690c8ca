using Demix.Engine.Tensors;

namespace Demix.Engine.Autograd;

/// <summary>One tape entry: the tensors an op read and the closure that turns dLoss/dOutput into their gradients.</summary>
public sealed class Node(Tensor[] inputs, Action<float[]> backward)
{
    /// <summary>The op's inputs (edges of the graph).</summary>
    public Tensor[] Inputs { get; } = inputs;

    /// <summary>Receives dLoss/dOutput and accumulates into the inputs' gradients.</summary>
    public Action<float[]> Backward { get; } = backward;
}
