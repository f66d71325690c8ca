using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Drnn;

/// <summary>
/// Huang et al.'s joint time-frequency masking layer: the network's two raw outputs y1, y2 become a soft mask
/// that splits the mixture, y1~ = |y1| / (|y1| + |y2|) * x and y2~ = |y2| / (|y1| + |y2|) * x, so y1~ + y2~ = x
/// and the mask is trained jointly with the network. Differentiable.
/// </summary>
public static class TimeFrequencyMasking
{
    /// <summary>Splits <paramref name="mixture"/> between two sources.</summary>
    /// <param name="y1">First raw output, any shape.</param>
    /// <param name="y2">Second raw output, the same shape.</param>
    /// <param name="mixture">Mixture magnitude, the same shape.</param>
    /// <param name="eps">Keeps the ratio defined where both outputs are 0 (each then gets half).</param>
    public static (Tensor Source1, Tensor Source2) Joint(Tensor y1, Tensor y2, Tensor mixture, float eps = 1e-8f)
    {
        ArgumentNullException.ThrowIfNull(y1);
        ArgumentNullException.ThrowIfNull(y2);
        Tensor a1 = y1.Abs() + eps, a2 = y2.Abs() + eps;
        Tensor mask = a1 / (a1 + a2);
        Tensor source1 = mask * mixture;
        return (source1, mixture - source1);
    }
}
