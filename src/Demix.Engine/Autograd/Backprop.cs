using Demix.Engine.Tensors;

namespace Demix.Engine.Autograd;

/// <summary>
/// Reverse-mode differentiation over the tape: an iterative depth-first topological sort (no recursion, so
/// graphs thousands of ops deep, such as an LSTM unrolled over many frames, cannot overflow the stack),
/// then each node's backward closure in reverse order. Leaf gradients accumulate; the gradients of
/// intermediate tensors are released once their node has run.
/// </summary>
public static class Backprop
{
    /// <summary>Back-propagates <paramref name="seedGradient"/> = dLoss/dRoot through the graph below <paramref name="root"/>.</summary>
    public static void Run(Tensor root, float[] seedGradient)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.RequiresGrad) throw new InvalidOperationException("Backward() on a tensor that does not require grad (no parameter or input with RequiresGrad reached it).");
        if (seedGradient.Length != root.Length) throw new ArgumentException($"Seed gradient length {seedGradient.Length} does not match the tensor length {root.Length}.");
        var order = TopologicalOrder(root);
        root.AccumulateGrad(seedGradient);
        using var noGrad = new NoGradScope();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var tensor = order[i];
            var gradient = tensor.Grad;
            if (gradient is null) continue;
            tensor.Node!.Backward(gradient);
            tensor.Grad = null;
        }
    }

    /// <summary>Non-leaf tensors reachable from root, each after all of its inputs (post-order).</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int NextInput)>();
        if (root.Node is null) return order;
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            var inputs = tensor.Node!.Inputs;
            if (next < inputs.Length)
            {
                stack.Push((tensor, next + 1));
                var input = inputs[next];
                if (input.Node is not null && input.RequiresGrad && visited.Add(input)) stack.Push((input, 0));
            }
            else
            {
                order.Add(tensor);
            }
        }
        return order;
    }
}
