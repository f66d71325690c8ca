using System.Numerics.Tensors;
using Tensor = Demix.Engine.Tensors.Tensor;

namespace Demix.Engine.Optim;

/// <summary>Gradient clipping as torch.nn.utils.clip_grad_norm_.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by maxNorm / (norm + 1e-6) when their global L2 norm exceeds <paramref name="maxNorm"/>.
    /// </summary>
    /// <returns>The global norm before clipping.</returns>
    public static double ClipByGlobalNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        var withGrad = parameters.Where(p => p.Grad is not null).ToList();
        double squares = 0;
        foreach (var p in withGrad) squares += (double)TensorPrimitives.SumOfSquares(p.Grad!);
        double norm = Math.Sqrt(squares);
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
        {
            foreach (var p in withGrad) TensorPrimitives.Multiply(p.Grad!, (float)coefficient, p.Grad!);
        }
        return norm;
    }
}
