using System.Numerics;
using System.Numerics.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// The elementwise part of one LSTM step for one batch row, in PyTorch's gate order i, f, g, o:
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o); c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c').
/// Transcendentals go through TensorPrimitives (SIMD, up to 512 bits); the backward uses Vector&lt;float&gt;.
/// </summary>
internal static class LstmCellKernels
{
    /// <summary>
    /// Activates the gates in place and computes the new cell and hidden state.
    /// </summary>
    /// <param name="gates">[4H] pre-activations a_i, a_f, a_g, a_o; overwritten with i, f, g, o.</param>
    /// <param name="previousCell">[H] c (the state before this step).</param>
    /// <param name="cell">[H] receives c'.</param>
    /// <param name="hidden">[H] receives h'.</param>
    public static void Forward(Span<float> gates, ReadOnlySpan<float> previousCell, Span<float> cell, Span<float> hidden)
    {
        int h = cell.Length;
        var ifg = gates[..(2 * h)];
        TensorPrimitives.Sigmoid(ifg, ifg);
        var g = gates.Slice(2 * h, h);
        TensorPrimitives.Tanh(g, g);
        var o = gates.Slice(3 * h, h);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(gates[..h], g, cell);
        TensorPrimitives.FusedMultiplyAdd(gates.Slice(h, h), previousCell, cell, cell);
        TensorPrimitives.Tanh(cell, hidden);
        TensorPrimitives.Multiply(hidden, o, hidden);
    }

    /// <summary>
    /// Back-propagates one step. With dh = dOutput + dHiddenNext and tc = tanh(c'):
    /// dc = dCell + dh ⊙ o ⊙ (1 − tc²); dA_i = dc ⊙ g ⊙ i(1−i); dA_f = dc ⊙ c ⊙ f(1−f);
    /// dA_g = dc ⊙ i ⊙ (1−g²); dA_o = dh ⊙ tc ⊙ o(1−o); dCell ← dc ⊙ f.
    /// </summary>
    /// <param name="gates">[4H] activated i, f, g, o of this step.</param>
    /// <param name="cell">[H] c' of this step; <paramref name="previousCell"/> [H] c before it.</param>
    /// <param name="outputGradient">[H] dLoss/dh' from the layer output.</param>
    /// <param name="hiddenGradient">[H] dLoss/dh' through the recurrence (from the later step).</param>
    /// <param name="cellGradient">[H] in: dLoss/dc' from the later step; out: dLoss/dc.</param>
    /// <param name="gateGradient">[4H] receives dLoss/d(pre-activations).</param>
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> cell, ReadOnlySpan<float> previousCell,
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> gateGradient)
    {
        int h = cell.Length;
        Span<float> tanhCell = h <= 1024 ? stackalloc float[h] : new float[h];
        TensorPrimitives.Tanh(cell, tanhCell);
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; j <= h - width; j += width) BackwardVector(j, h, gates, tanhCell, previousCell, outputGradient, hiddenGradient, cellGradient, gateGradient);
        }
        for (; j < h; j++) BackwardScalar(j, h, gates, tanhCell, previousCell, outputGradient, hiddenGradient, cellGradient, gateGradient);
    }

    private static void BackwardVector(int j, int h, ReadOnlySpan<float> gates, ReadOnlySpan<float> tanhCell, ReadOnlySpan<float> previousCell,
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> gateGradient)
    {
        var one = Vector<float>.One;
        var i = Load(gates, j); var f = Load(gates, h + j); var g = Load(gates, 2 * h + j); var o = Load(gates, 3 * h + j);
        var tc = Load(tanhCell, j);
        var dh = Load(outputGradient, j) + Load(hiddenGradient, j);
        var dc = Load(cellGradient, j) + dh * o * (one - tc * tc);
        Store(gateGradient, j, dc * g * i * (one - i));
        Store(gateGradient, h + j, dc * Load(previousCell, j) * f * (one - f));
        Store(gateGradient, 2 * h + j, dc * i * (one - g * g));
        Store(gateGradient, 3 * h + j, dh * tc * o * (one - o));
        Store(cellGradient, j, dc * f);
    }

    private static void BackwardScalar(int j, int h, ReadOnlySpan<float> gates, ReadOnlySpan<float> tanhCell, ReadOnlySpan<float> previousCell,
        ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> gateGradient)
    {
        float i = gates[j], f = gates[h + j], g = gates[2 * h + j], o = gates[3 * h + j], tc = tanhCell[j];
        float dh = outputGradient[j] + hiddenGradient[j];
        float dc = cellGradient[j] + dh * o * (1f - tc * tc);
        gateGradient[j] = dc * g * i * (1f - i);
        gateGradient[h + j] = dc * previousCell[j] * f * (1f - f);
        gateGradient[2 * h + j] = dc * i * (1f - g * g);
        gateGradient[3 * h + j] = dh * tc * o * (1f - o);
        cellGradient[j] = dc * f;
    }

    private static Vector<float> Load(ReadOnlySpan<float> span, int start) => new(span[start..]);

    private static void Store(Span<float> span, int start, Vector<float> value) => value.CopyTo(span[start..]);
}
