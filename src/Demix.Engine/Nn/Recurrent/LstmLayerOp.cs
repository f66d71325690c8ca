using Demix.Engine.Autograd;
using Demix.Engine.Kernels;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// One direction of one LSTM layer over a whole sequence, as a single autograd node: the input
/// projection of every step is one GEMM, each step adds h_prev · W_hhᵀ (one GEMM over the batch) and
/// runs the fused gate kernel; the backward runs through time with one GEMM per step and three large
/// GEMMs for dW_ih, dW_hh and dx.
/// </summary>
internal static class LstmLayerOp
{
    private const int GateCount = 4;

    /// <summary>Runs the layer.</summary>
    /// <param name="input">[T, B, in], time-major.</param>
    /// <param name="initialHidden">[B, H] h0, or null for zeros.</param>
    /// <param name="initialCell">[B, H] c0, or null for zeros.</param>
    /// <param name="reverse">Process t = T−1 … 0 (the reverse direction of a bidirectional layer).</param>
    /// <returns>Output [T, B, H] (h_t at row t), the final hidden state [B, H] and the final cell state [B, H].</returns>
    public static (Tensor Output, Tensor LastHidden, Tensor LastCell) Forward(
        Tensor input, RecurrentWeights weights, Tensor? initialHidden, Tensor? initialCell, bool reverse)
    {
        int steps = input.Size(0), batch = input.Size(1), hidden = weights.HiddenSize;
        weights.Validate(GateCount, input.Size(2));
        if (steps == 0) throw new ArgumentException("An LSTM needs at least one time step.");
        var state = new LstmSequence(steps, batch, hidden, reverse);
        state.Run(input.Data, weights, initialHidden?.Data, initialCell?.Data);
        // Packed output [T + 1, B, H]: rows 0..T−1 are h_t, row T is the final cell state, so one node serves both.
        var packed = new Tensor([steps + 1, batch, hidden], state.Packed);
        if (GradMode.IsRecording([input, .. weights.Edges(initialHidden, initialCell)]))
        {
            packed.SetBackward(weights.Edges(input, initialHidden, initialCell),
                grad => state.Backward(grad, input, weights, initialHidden, initialCell));
        }
        var output = packed.Slice(0, 0, steps);
        return (output, output.Select(0, state.LastStep), packed.Select(0, steps));
    }

    /// <summary>The forward state kept for the backward pass.</summary>
    private sealed class LstmSequence(int steps, int batch, int hidden, bool reverse)
    {
        private readonly int gates = GateCount * hidden;
        private readonly float[] activations = new float[steps * batch * GateCount * hidden];
        private readonly float[] cells = new float[steps * batch * hidden];

        /// <summary>[T + 1, B, H]: the outputs, then the final cell state.</summary>
        public float[] Packed { get; } = new float[(steps + 1) * batch * hidden];

        /// <summary>The time index processed last (its output is the final hidden state).</summary>
        public int LastStep => reverse ? 0 : steps - 1;

        private int StepAt(int order) => reverse ? steps - 1 - order : order;

        public void Run(float[] x, RecurrentWeights weights, float[]? h0, float[]? c0)
        {
            RecurrentMath.Project(x, steps * batch, weights.InputWeight, weights.InputBias, weights.HiddenBias, activations);
            int stateSize = batch * hidden;
            var zeros = new float[stateSize];
            for (int order = 0; order < steps; order++)
            {
                int t = StepAt(order), previous = StepAt(order - 1);
                var gateBlock = activations.AsSpan(t * batch * gates, batch * gates);
                ReadOnlySpan<float> previousHidden = order == 0 ? h0 : Packed.AsSpan(previous * stateSize, stateSize);
                ReadOnlySpan<float> previousCell = order == 0 ? c0 ?? zeros : cells.AsSpan(previous * stateSize, stateSize);
                if (!previousHidden.IsEmpty)
                    Gemm.Sgemm(false, true, batch, gates, hidden, 1f, previousHidden, hidden, weights.HiddenWeight.Data, hidden, 1f, gateBlock, gates);
                for (int b = 0; b < batch; b++)
                {
                    LstmCellKernels.Forward(gateBlock.Slice(b * gates, gates), previousCell.Slice(b * hidden, hidden),
                        cells.AsSpan(t * stateSize + b * hidden, hidden), Packed.AsSpan(t * stateSize + b * hidden, hidden));
                }
            }
            cells.AsSpan(LastStep * stateSize, stateSize).CopyTo(Packed.AsSpan(steps * stateSize));
        }

        public void Backward(float[] grad, Tensor input, RecurrentWeights weights, Tensor? h0, Tensor? c0)
        {
            int stateSize = batch * hidden;
            var gateGradient = new float[steps * batch * gates];
            var hiddenGradient = new float[stateSize];
            var cellGradient = grad.AsSpan(steps * stateSize, stateSize).ToArray();
            var zeros = new float[stateSize];
            for (int order = steps - 1; order >= 0; order--)
            {
                int t = StepAt(order), previous = StepAt(order - 1);
                ReadOnlySpan<float> previousCell = order == 0 ? c0?.Data ?? zeros : cells.AsSpan(previous * stateSize, stateSize);
                for (int b = 0; b < batch; b++)
                {
                    int row = t * stateSize + b * hidden;
                    LstmCellKernels.Backward(activations.AsSpan((t * batch + b) * gates, gates), cells.AsSpan(row, hidden),
                        previousCell.Slice(b * hidden, hidden), grad.AsSpan(row, hidden), hiddenGradient.AsSpan(b * hidden, hidden),
                        cellGradient.AsSpan(b * hidden, hidden), gateGradient.AsSpan((t * batch + b) * gates, gates));
                }
                // dLoss/dh_prev = dG_t · W_hh (the recurrent path into the previous step).
                Gemm.Sgemm(false, false, batch, hidden, gates, 1f, gateGradient.AsSpan(t * batch * gates), gates,
                    weights.HiddenWeight.Data, hidden, 0f, hiddenGradient, hidden);
            }
            h0?.AccumulateGrad(hiddenGradient);
            c0?.AccumulateGrad(cellGradient);
            AccumulateParameterGradients(gateGradient, input, weights, h0);
        }

        private void AccumulateParameterGradients(float[] gateGradient, Tensor input, RecurrentWeights weights, Tensor? h0)
        {
            int rows = steps * batch;
            RecurrentMath.InputSideGradients(gateGradient, rows, input.Data, input, weights.InputWeight, weights.InputBias);
            if (weights.HiddenBias is { RequiresGrad: true } hiddenBias)
                RecurrentMath.AddColumnSums(gateGradient, rows, gates, hiddenBias.EnsureGrad());
            if (weights.HiddenWeight.RequiresGrad)
                RecurrentMath.HiddenWeightGradient(gateGradient, Packed, h0?.Data, steps, batch, hidden, reverse, weights.HiddenWeight.EnsureGrad());
        }
    }
}
