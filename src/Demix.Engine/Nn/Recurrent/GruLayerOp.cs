using Demix.Engine.Autograd;
using Demix.Engine.Kernels;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// One GRU layer (one or two directions) over a whole sequence, as a single autograd node. Per direction:
/// one GEMM for the input projection of all steps; per step one GEMM for h_prev · W_hhᵀ + b_hh and the fused
/// gate kernel; backward through time with one GEMM per step and large GEMMs for the weight and input
/// gradients. Directions run on separate cores and write the concatenated output [T, B, D·H] directly.
/// </summary>
internal static class GruLayerOp
{
    private const int GateCount = 3;

    /// <summary>Runs the layer.</summary>
    /// <param name="input">[T, B, in], time-major.</param>
    /// <param name="weights">One entry per direction (forward, then reverse).</param>
    /// <param name="initialHidden">Per direction h0 [B, H] or null for zeros.</param>
    /// <returns>Output [T, B, D·H] and per direction the final hidden state [B, H].</returns>
    public static (Tensor Output, Tensor[] LastHidden) Forward(Tensor input, RecurrentWeights[] weights, Tensor?[] initialHidden)
    {
        int steps = input.Size(0), batch = input.Size(1), hidden = weights[0].HiddenSize, directions = weights.Length;
        if (steps == 0) throw new ArgumentException("A GRU needs at least one time step.");
        foreach (var w in weights) w.Validate(GateCount, input.Size(2));
        var outputs = GC.AllocateUninitializedArray<float>(steps * batch * directions * hidden);   // every element is written
        var sequences = new GruSequence[directions];
        for (int d = 0; d < directions; d++) sequences[d] = new GruSequence(new DirectionLayout(steps, batch, hidden, directions, d), outputs);
        DirectionLayout.ForEach(directions, d => sequences[d].Run(input.Data, weights[d], initialHidden[d]?.Data));
        var output = new Tensor([steps, batch, directions * hidden], outputs);
        var edges = weights.SelectMany(w => w.Edges()).Concat(initialHidden.OfType<Tensor>()).Append(input).ToArray();
        if (GradMode.IsRecording(edges))
            output.SetBackward(edges, grad => Backward(grad, sequences, input, weights, initialHidden));
        var lastHidden = new Tensor[directions];
        for (int d = 0; d < directions; d++) lastHidden[d] = output.Select(0, sequences[d].Layout.LastStep).Slice(1, d * hidden, hidden);
        return (output, lastHidden);
    }

    private static void Backward(float[] grad, GruSequence[] sequences, Tensor input, RecurrentWeights[] weights, Tensor?[] h0)
    {
        var results = new (float[]? Input, float[] Hidden)[sequences.Length];
        DirectionLayout.ForEach(sequences.Length, d => results[d] = sequences[d].Backward(grad, input.Data, input.RequiresGrad, weights[d], h0[d]?.Data));
        for (int d = 0; d < sequences.Length; d++)
        {
            if (results[d].Input is { } dx) input.AccumulateGradOwned(dx);
            h0[d]?.AccumulateGrad(results[d].Hidden);
        }
    }

    /// <summary>One direction: its forward state, kept for the backward pass.</summary>
    private sealed class GruSequence(DirectionLayout layout, float[] outputs)
    {
        private readonly int gates = GateCount * layout.Hidden;
        // Both are fully written by the forward pass, so they skip zeroing.
        private readonly float[] activations = GC.AllocateUninitializedArray<float>(layout.Steps * layout.Batch * GateCount * layout.Hidden);
        private readonly float[] candidates = GC.AllocateUninitializedArray<float>(layout.Steps * layout.Batch * layout.Hidden);

        public DirectionLayout Layout => layout;

        public void Run(float[] x, RecurrentWeights weights, float[]? h0)
        {
            int batch = layout.Batch, hidden = layout.Hidden;
            RecurrentMath.Project(x, layout.Steps * batch, weights.InputWeight, weights.InputBias, null, activations);
            var hiddenPart = new float[batch * gates];
            var zeros = new float[batch * hidden];
            var hiddenWeightT = RecurrentMath.TransposePadded(weights.HiddenWeight.Data, gates, hidden);   // W_hhᵀ [H, 3H]
            for (int order = 0; order < layout.Steps; order++)
            {
                int t = layout.StepAt(order);
                var (array, start, ld) = layout.PreviousHidden(order, h0, zeros, outputs);
                var source = array.AsSpan(start);
                HiddenProjection(source, ld, order == 0 && h0 is null, weights.HiddenBias, hiddenWeightT, hiddenPart);
                for (int b = 0; b < batch; b++)
                {
                    int row = t * batch + b;
                    GruCellKernels.Forward(activations.AsSpan(row * gates, gates), hiddenPart.AsSpan(b * gates, gates),
                        source.Slice(b * ld, hidden), outputs.AsSpan(layout.RowStart(t, b), hidden), candidates.AsSpan(row * hidden, hidden));
                }
            }
        }

        /// <summary>hiddenPart = h_prev · W_hhᵀ + b_hh ([B, 3H], from the transposed copy [H, 3H]); the GEMM is skipped when h_prev is known to be zero.</summary>
        private void HiddenProjection(ReadOnlySpan<float> previousHidden, int ld, bool isZero, Tensor? bias, (float[] Matrix, int Ld) hiddenWeightT, float[] hiddenPart)
        {
            for (int b = 0; b < layout.Batch; b++)
            {
                if (bias is null) Array.Clear(hiddenPart, b * gates, gates);
                else bias.Data.CopyTo(hiddenPart, b * gates);
            }
            if (!isZero)
                Gemm.Sgemm(false, false, layout.Batch, gates, layout.Hidden, 1f, previousHidden, ld, hiddenWeightT.Matrix, hiddenWeightT.Ld, 1f, hiddenPart, gates);
        }

        /// <summary>Back-propagates through time; returns dx (when wanted) and dh0, and accumulates the weight gradients.</summary>
        public (float[]? Input, float[] Hidden) Backward(float[] grad, float[] x, bool wantInput, RecurrentWeights weights, float[]? h0)
        {
            int batch = layout.Batch, hidden = layout.Hidden, rows = layout.Steps * batch;
            var inputSideGradient = GC.AllocateUninitializedArray<float>(rows * gates);    // fully written step by step
            var hiddenSideGradient = GC.AllocateUninitializedArray<float>(rows * gates);
            var recurrent = new float[batch * hidden];
            var direct = new float[batch * hidden];
            var zeros = new float[batch * hidden];
            for (int order = layout.Steps - 1; order >= 0; order--)
            {
                int t = layout.StepAt(order);
                var (array, start, ld) = layout.PreviousHidden(order, h0, zeros, outputs);
                var source = array.AsSpan(start);
                for (int b = 0; b < batch; b++)
                {
                    int row = t * batch + b;
                    GruCellKernels.Backward(activations.AsSpan(row * gates, gates), candidates.AsSpan(row * hidden, hidden),
                        source.Slice(b * ld, hidden), grad.AsSpan(layout.RowStart(t, b), hidden), recurrent.AsSpan(b * hidden, hidden),
                        inputSideGradient.AsSpan(row * gates, gates), hiddenSideGradient.AsSpan(row * gates, gates), direct.AsSpan(b * hidden, hidden));
                }
                // dLoss/dh_prev = dh ⊙ z + dHiddenSide_t · W_hh.
                Gemm.Sgemm(false, false, batch, hidden, gates, 1f, hiddenSideGradient.AsSpan(t * batch * gates), gates,
                    weights.HiddenWeight.Data, hidden, 1f, direct, hidden);
                (recurrent, direct) = (direct, recurrent);
            }
            var inputGradient = wantInput ? GC.AllocateUninitializedArray<float>(rows * weights.InputSize) : null;   // GEMM with beta 0
            RecurrentMath.InputSideGradients(inputSideGradient, rows, x, inputGradient, weights.InputWeight, weights.InputBias);
            if (weights.HiddenBias is { RequiresGrad: true } hiddenBias) RecurrentMath.AddColumnSums(hiddenSideGradient, rows, gates, hiddenBias.EnsureGrad());
            if (weights.HiddenWeight.RequiresGrad) RecurrentMath.HiddenWeightGradient(hiddenSideGradient, outputs, h0, layout, weights.HiddenWeight.EnsureGrad());
            return (inputGradient, recurrent);
        }
    }
}
