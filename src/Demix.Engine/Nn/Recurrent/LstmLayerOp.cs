using Demix.Engine.Autograd;
using Demix.Engine.Kernels;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// One LSTM layer (one or two directions) over a whole sequence, as a single autograd node. Per direction:
/// the input projection of every step is one GEMM; each step adds h_prev · W_hhᵀ (one GEMM over the batch)
/// and runs the fused gate kernel; the backward runs through time with one GEMM per step, then three large
/// GEMMs give dW_ih, dW_hh and dx. The two directions run on separate cores and write the concatenated
/// output [T, B, D·H] directly.
/// </summary>
internal static class LstmLayerOp
{
    private const int GateCount = 4;

    /// <summary>Runs the layer.</summary>
    /// <param name="input">[T, B, in], time-major.</param>
    /// <param name="weights">One entry per direction (forward, then reverse).</param>
    /// <param name="initialHidden">Per direction h0 [B, H] or null for zeros.</param>
    /// <param name="initialCell">Per direction c0 [B, H] or null for zeros.</param>
    /// <returns>Output [T, B, D·H] ([forward | reverse]), and per direction the final hidden and cell states [B, H].</returns>
    public static (Tensor Output, Tensor[] LastHidden, Tensor[] LastCell) Forward(
        Tensor input, RecurrentWeights[] weights, Tensor?[] initialHidden, Tensor?[] initialCell)
    {
        int steps = input.Size(0), batch = input.Size(1), hidden = weights[0].HiddenSize, directions = weights.Length;
        if (steps == 0) throw new ArgumentException("An LSTM needs at least one time step.");
        foreach (var w in weights) w.Validate(GateCount, input.Size(2));
        // Shared buffer [T + 1, B, D·H]: rows 0..T−1 are the outputs, row T the final cell states, so one node serves all.
        var packed = GC.AllocateUninitializedArray<float>((steps + 1) * batch * directions * hidden);   // every element is written
        var sequences = new LstmSequence[directions];
        for (int d = 0; d < directions; d++) sequences[d] = new LstmSequence(new DirectionLayout(steps, batch, hidden, directions, d), packed);
        DirectionLayout.ForEach(directions, d => sequences[d].Run(input.Data, weights[d], initialHidden[d]?.Data, initialCell[d]?.Data));
        var all = new Tensor([steps + 1, batch, directions * hidden], packed);
        var edges = weights.SelectMany(w => w.Edges()).Concat(initialHidden.OfType<Tensor>()).Concat(initialCell.OfType<Tensor>()).Append(input).ToArray();
        if (GradMode.IsRecording(edges))
            all.SetBackward(edges, grad => Backward(grad, sequences, input, weights, initialHidden, initialCell));
        var output = all.Slice(0, 0, steps);
        var cells = all.Select(0, steps);
        var lastHidden = new Tensor[directions];
        var lastCell = new Tensor[directions];
        for (int d = 0; d < directions; d++)
        {
            lastHidden[d] = output.Select(0, sequences[d].Layout.LastStep).Slice(1, d * hidden, hidden);
            lastCell[d] = cells.Slice(1, d * hidden, hidden);
        }
        return (output, lastHidden, lastCell);
    }

    /// <summary>Both directions' backward passes in parallel; input and state gradients are summed on this thread.</summary>
    private static void Backward(float[] grad, LstmSequence[] sequences, Tensor input, RecurrentWeights[] weights, Tensor?[] h0, Tensor?[] c0)
    {
        var results = new (float[]? Input, float[] Hidden, float[] Cell)[sequences.Length];
        DirectionLayout.ForEach(sequences.Length, d => results[d] = sequences[d].Backward(grad, input.Data, input.RequiresGrad, weights[d], h0[d]?.Data, c0[d]?.Data));
        for (int d = 0; d < sequences.Length; d++)
        {
            if (results[d].Input is { } dx) input.AccumulateGradOwned(dx);
            h0[d]?.AccumulateGrad(results[d].Hidden);
            c0[d]?.AccumulateGrad(results[d].Cell);
        }
    }

    /// <summary>One direction: its forward state, kept for the backward pass.</summary>
    private sealed class LstmSequence(DirectionLayout layout, float[] packed)
    {
        private readonly int gates = GateCount * layout.Hidden;
        // Both are fully written by the forward pass, so they skip zeroing (tens of MB per layer).
        private readonly float[] activations = GC.AllocateUninitializedArray<float>(layout.Steps * layout.Batch * GateCount * layout.Hidden);
        private readonly float[] cells = GC.AllocateUninitializedArray<float>(layout.Steps * layout.Batch * layout.Hidden);

        public DirectionLayout Layout => layout;

        public void Run(float[] x, RecurrentWeights weights, float[]? h0, float[]? c0)
        {
            int batch = layout.Batch, hidden = layout.Hidden, stateSize = batch * hidden, steps = layout.Steps;
            RecurrentMath.Project(x, steps * batch, weights.InputWeight, weights.InputBias, weights.HiddenBias, activations);
            var (hiddenWeightT, ldT) = RecurrentMath.TransposePadded(weights.HiddenWeight.Data, gates, hidden);   // W_hhᵀ [H, 4H]
            var zeros = new float[stateSize];
            for (int order = 0; order < steps; order++)
            {
                int t = layout.StepAt(order), previous = layout.StepAt(order - 1);
                var gateBlock = activations.AsSpan(t * batch * gates, batch * gates);
                if (order > 0 || h0 is not null)
                {
                    // h_prev is [B, H] with leading dimension D·H (or h0, contiguous).
                    var (array, start, ld) = layout.PreviousHidden(order, h0, zeros, packed);
                    Gemm.Sgemm(false, false, batch, gates, hidden, 1f, array.AsSpan(start), ld, hiddenWeightT, ldT, 1f, gateBlock, gates);
                }
                ReadOnlySpan<float> previousCell = order == 0 ? c0 ?? zeros : cells.AsSpan(previous * stateSize, stateSize);
                for (int b = 0; b < batch; b++)
                {
                    LstmCellKernels.Forward(gateBlock.Slice(b * gates, gates), previousCell.Slice(b * hidden, hidden),
                        cells.AsSpan(t * stateSize + b * hidden, hidden), packed.AsSpan(layout.RowStart(t, b), hidden));
                }
            }
            for (int b = 0; b < batch; b++)
                cells.AsSpan(layout.LastStep * stateSize + b * hidden, hidden).CopyTo(packed.AsSpan(layout.RowStart(steps, b), hidden));
        }

        /// <summary>Back-propagates through time; returns dx (when wanted), dh0 and dc0, and accumulates the weight gradients.</summary>
        public (float[]? Input, float[] Hidden, float[] Cell) Backward(float[] grad, float[] x, bool wantInput, RecurrentWeights weights, float[]? h0, float[]? c0)
        {
            int batch = layout.Batch, hidden = layout.Hidden, stateSize = batch * hidden, steps = layout.Steps;
            var gateGradient = GC.AllocateUninitializedArray<float>(steps * batch * gates);   // fully written step by step
            var hiddenGradient = new float[stateSize];
            var cellGradient = new float[stateSize];
            for (int b = 0; b < batch; b++) grad.AsSpan(layout.RowStart(steps, b), hidden).CopyTo(cellGradient.AsSpan(b * hidden));
            var zeros = new float[stateSize];
            for (int order = steps - 1; order >= 0; order--)
            {
                int t = layout.StepAt(order), previous = layout.StepAt(order - 1);
                ReadOnlySpan<float> previousCell = order == 0 ? c0 ?? zeros : cells.AsSpan(previous * stateSize, stateSize);
                for (int b = 0; b < batch; b++)
                {
                    int row = t * batch + b;
                    LstmCellKernels.Backward(activations.AsSpan(row * gates, gates), cells.AsSpan(row * hidden, hidden),
                        previousCell.Slice(b * hidden, hidden), grad.AsSpan(layout.RowStart(t, b), hidden),
                        hiddenGradient.AsSpan(b * hidden, hidden), cellGradient.AsSpan(b * hidden, hidden), gateGradient.AsSpan(row * gates, gates));
                }
                // dLoss/dh_prev = dG_t · W_hh (the recurrent path into the previous step).
                Gemm.Sgemm(false, false, batch, hidden, gates, 1f, gateGradient.AsSpan(t * batch * gates), gates,
                    weights.HiddenWeight.Data, hidden, 0f, hiddenGradient, hidden);
            }
            int rows = steps * batch;
            var inputGradient = wantInput ? GC.AllocateUninitializedArray<float>(rows * weights.InputSize) : null;   // GEMM with beta 0
            RecurrentMath.InputSideGradients(gateGradient, rows, x, inputGradient, weights.InputWeight, weights.InputBias);
            if (weights.HiddenBias is { RequiresGrad: true } hiddenBias) RecurrentMath.AddColumnSums(gateGradient, rows, gates, hiddenBias.EnsureGrad());
            if (weights.HiddenWeight.RequiresGrad) RecurrentMath.HiddenWeightGradient(gateGradient, packed, h0, layout, weights.HiddenWeight.EnsureGrad());
            return (inputGradient, hiddenGradient, cellGradient);
        }
    }
}
