using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Drnn;

/// <summary>
/// The discriminative training objective of Huang et al. (2014, 2015):
/// ||y1 - y1^||^2 + ||y2 - y2^||^2 - gamma (||y1 - y2^||^2 + ||y2 - y1^||^2), where y are the estimates and y^ the
/// references: each estimate is pulled towards its own source and pushed away from the other one. Here every
/// squared norm is divided by the element count (a mean), so the value does not grow with the batch.
/// </summary>
public static class DiscriminativeLoss
{
    /// <summary>The loss as a scalar tensor (differentiable in the estimates).</summary>
    /// <param name="estimate1">Estimate of source 1, any shape.</param>
    /// <param name="estimate2">Estimate of source 2, the same shape.</param>
    /// <param name="reference1">Reference of source 1.</param>
    /// <param name="reference2">Reference of source 2.</param>
    /// <param name="gamma">Weight of the discriminative term, 0 &lt;= gamma &lt; 1 (0 gives the plain squared error).</param>
    public static Tensor Compute(Tensor estimate1, Tensor estimate2, Tensor reference1, Tensor reference2, float gamma)
    {
        if (gamma is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in [0, 1).");
        Tensor own = Tensor.MseLoss(estimate1, reference1) + Tensor.MseLoss(estimate2, reference2);
        if (gamma == 0) return own;
        Tensor other = Tensor.MseLoss(estimate1, reference2) + Tensor.MseLoss(estimate2, reference1);
        return own - other * gamma;
    }
}
