using System.Numerics;
using System.Numerics.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// The elementwise part of one GRU step for one batch row, in PyTorch's gate order r, z, n:
/// r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ⊙ h_n), h' = (1 − z) ⊙ n + z ⊙ h,
/// where x_* = W_i* x + b_i* and h_* = W_h* h + b_h* (so b_hn sits inside the r product).
/// </summary>
internal static class GruCellKernels
{
    /// <summary>Computes the step.</summary>
    /// <param name="inputPart">[3H] x_r, x_z, x_n; overwritten with r, z, n.</param>
    /// <param name="hiddenPart">[3H] h_r, h_z, h_n (clobbered).</param>
    /// <param name="previousHidden">[H] h.</param>
    /// <param name="hidden">[H] receives h'.</param>
    /// <param name="candidateHidden">[H] receives h_n (kept for the backward pass).</param>
    public static void Forward(Span<float> inputPart, Span<float> hiddenPart, ReadOnlySpan<float> previousHidden,
        Span<float> hidden, Span<float> candidateHidden)
    {
        int h = hidden.Length;
        var rz = inputPart[..(2 * h)];
        TensorPrimitives.Add(rz, hiddenPart[..(2 * h)], rz);
        TensorPrimitives.Sigmoid(rz, rz);
        var n = inputPart.Slice(2 * h, h);
        hiddenPart.Slice(2 * h, h).CopyTo(candidateHidden);
        TensorPrimitives.FusedMultiplyAdd(inputPart[..h], candidateHidden, n, n);
        TensorPrimitives.Tanh(n, n);
        TensorPrimitives.Subtract(previousHidden, n, hidden);
        TensorPrimitives.FusedMultiplyAdd(inputPart.Slice(h, h), hidden, n, hidden);
    }

    /// <summary>
    /// Back-propagates one step. With dh = dOutput + dHiddenNext: dz = dh ⊙ (h − n), dn = dh ⊙ (1 − z),
    /// dA_n = dn ⊙ (1 − n²), dA_r = dA_n ⊙ h_n ⊙ r(1 − r), dA_z = dz ⊙ z(1 − z). The input side gets
    /// [dA_r, dA_z, dA_n]; the hidden side gets [dA_r, dA_z, dA_n ⊙ r]; the direct path to h is dh ⊙ z.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> candidateHidden, ReadOnlySpan<float> previousHidden,
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient,
        Span<float> inputGradient, Span<float> hiddenSideGradient, Span<float> directGradient)
    {
        int h = candidateHidden.Length, j = 0;
        var g = new GruRow(gates, candidateHidden, previousHidden, outputGradient, hiddenGradient);
        if (Vector.IsHardwareAccelerated)
        {
            for (; j <= h - Vector<float>.Count; j += Vector<float>.Count) BackwardVector(j, h, g, inputGradient, hiddenSideGradient, directGradient);
        }
        for (; j < h; j++) BackwardScalar(j, h, g, inputGradient, hiddenSideGradient, directGradient);
    }

    private readonly ref struct GruRow(ReadOnlySpan<float> gates, ReadOnlySpan<float> candidate, ReadOnlySpan<float> previous,
        ReadOnlySpan<float> output, ReadOnlySpan<float> recurrent)
    {
        public readonly ReadOnlySpan<float> Gates = gates, Candidate = candidate, Previous = previous, Output = output, Recurrent = recurrent;
    }

    private static void BackwardVector(int j, int h, GruRow g, Span<float> inputGradient, Span<float> hiddenSideGradient, Span<float> directGradient)
    {
        var one = Vector<float>.One;
        var r = new Vector<float>(g.Gates[j..]);
        var z = new Vector<float>(g.Gates[(h + j)..]);
        var n = new Vector<float>(g.Gates[(2 * h + j)..]);
        var dh = new Vector<float>(g.Output[j..]) + new Vector<float>(g.Recurrent[j..]);
        var dz = dh * (new Vector<float>(g.Previous[j..]) - n);
        var dan = dh * (one - z) * (one - n * n);
        var dar = dan * new Vector<float>(g.Candidate[j..]) * r * (one - r);
        var daz = dz * z * (one - z);
        dar.CopyTo(inputGradient[j..]);
        daz.CopyTo(inputGradient[(h + j)..]);
        dan.CopyTo(inputGradient[(2 * h + j)..]);
        dar.CopyTo(hiddenSideGradient[j..]);
        daz.CopyTo(hiddenSideGradient[(h + j)..]);
        (dan * r).CopyTo(hiddenSideGradient[(2 * h + j)..]);
        (dh * z).CopyTo(directGradient[j..]);
    }

    private static void BackwardScalar(int j, int h, GruRow g, Span<float> inputGradient, Span<float> hiddenSideGradient, Span<float> directGradient)
    {
        float r = g.Gates[j], z = g.Gates[h + j], n = g.Gates[2 * h + j];
        float dh = g.Output[j] + g.Recurrent[j];
        float dz = dh * (g.Previous[j] - n);
        float dan = dh * (1f - z) * (1f - n * n);
        float dar = dan * g.Candidate[j] * r * (1f - r);
        float daz = dz * z * (1f - z);
        inputGradient[j] = hiddenSideGradient[j] = dar;
        inputGradient[h + j] = hiddenSideGradient[h + j] = daz;
        inputGradient[2 * h + j] = dan;
        hiddenSideGradient[2 * h + j] = dan * r;
        directGradient[j] = dh * z;
    }
}
