using Demix.Engine.Autograd;
using Demix.Engine.Kernels;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// One direction of one GRU layer over a whole sequence, as a single autograd node: one GEMM for the
/// input projection of all steps, per step one GEMM for h_prev · W_hhᵀ + b_hh and the fused gate kernel;
/// backward through time with one GEMM per step and large GEMMs for the weight and input gradients.
/// </summary>
internal static class GruLayerOp
{
    private const int GateCount = 3;

    /// <summary>Runs the layer.</summary>
    /// <param name="input">[T, B, in], time-major.</param>
    /// <param name="initialHidden">[B, H] h0, or null for zeros.</param>
    /// <param name="reverse">Process t = T−1 … 0.</param>
    /// <returns>Output [T, B, H] and the final hidden state [B, H].</returns>
    public static (Tensor Output, Tensor LastHidden) Forward(Tensor input, RecurrentWeights weights, Tensor? initialHidden, bool reverse)
    {
        int steps = input.Size(0), batch = input.Size(1), hidden = weights.HiddenSize;
        weights.Validate(GateCount, input.Size(2));
        if (steps == 0) throw new ArgumentException("A GRU needs at least one time step.");
        var state = new GruSequence(steps, batch, hidden, reverse);
        state.Run(input.Data, weights, initialHidden?.Data);
        var output = new Tensor([steps, batch, hidden], state.Outputs);
        if (GradMode.IsRecording([input, .. weights.Edges(initialHidden)]))
            output.SetBackward(weights.Edges(input, initialHidden), grad => state.Backward(grad, input, weights, initialHidden));
        return (output, output.Select(0, state.LastStep));
    }

    /// <summary>The forward state kept for the backward pass.</summary>
    private sealed class GruSequence(int steps, int batch, int hidden, bool reverse)
    {
        private readonly int gates = GateCount * hidden;
        private readonly float[] activations = new float[steps * batch * GateCount * hidden];
        private readonly float[] candidates = new float[steps * batch * hidden];

        /// <summary>[T, B, H] the outputs h_t.</summary>
        public float[] Outputs { get; } = new float[steps * batch * hidden];

        public int LastStep => reverse ? 0 : steps - 1;

        private int StepAt(int order) => reverse ? steps - 1 - order : order;

        public void Run(float[] x, RecurrentWeights weights, float[]? h0)
        {
            RecurrentMath.Project(x, steps * batch, weights.InputWeight, weights.InputBias, null, activations);
            int stateSize = batch * hidden;
            var hiddenPart = new float[batch * gates];
            var previousHidden = h0 ?? new float[stateSize];
            for (int order = 0; order < steps; order++)
            {
                int t = StepAt(order);
                HiddenProjection(previousHidden, order == 0 && h0 is null, weights, hiddenPart);
                for (int b = 0; b < batch; b++)
                {
                    GruCellKernels.Forward(activations.AsSpan((t * batch + b) * gates, gates), hiddenPart.AsSpan(b * gates, gates),
                        previousHidden.AsSpan(b * hidden, hidden), Outputs.AsSpan(t * stateSize + b * hidden, hidden),
                        candidates.AsSpan(t * stateSize + b * hidden, hidden));
                }
                previousHidden = Outputs.AsSpan(t * stateSize, stateSize).ToArray();
            }
        }

        /// <summary>hiddenPart = h_prev · W_hhᵀ + b_hh ([B, 3H]); the GEMM is skipped when h_prev is known to be zero.</summary>
        private void HiddenProjection(float[] previousHidden, bool isZero, RecurrentWeights weights, float[] hiddenPart)
        {
            var bias = weights.HiddenBias;
            for (int b = 0; b < batch; b++)
            {
                if (bias is null) Array.Clear(hiddenPart, b * gates, gates);
                else bias.Data.CopyTo(hiddenPart, b * gates);
            }
            if (!isZero)
                Gemm.Sgemm(false, true, batch, gates, hidden, 1f, previousHidden, hidden, weights.HiddenWeight.Data, hidden, 1f, hiddenPart, gates);
        }

        public void Backward(float[] grad, Tensor input, RecurrentWeights weights, Tensor? h0)
        {
            int stateSize = batch * hidden, rows = steps * batch;
            var inputGradient = new float[rows * gates];
            var hiddenSideGradient = new float[rows * gates];
            var recurrent = new float[stateSize];
            var direct = new float[stateSize];
            var zeros = new float[stateSize];
            for (int order = steps - 1; order >= 0; order--)
            {
                int t = StepAt(order), previous = StepAt(order - 1);
                ReadOnlySpan<float> previousHidden = order == 0 ? h0?.Data ?? zeros : Outputs.AsSpan(previous * stateSize, stateSize);
                for (int b = 0; b < batch; b++)
                {
                    int row = t * batch + b;
                    GruCellKernels.Backward(activations.AsSpan(row * gates, gates), candidates.AsSpan(row * hidden, hidden),
                        previousHidden.Slice(b * hidden, hidden), grad.AsSpan(row * hidden, hidden), recurrent.AsSpan(b * hidden, hidden),
                        inputGradient.AsSpan(row * gates, gates), hiddenSideGradient.AsSpan(row * gates, gates), direct.AsSpan(b * hidden, hidden));
                }
                // dLoss/dh_prev = dh ⊙ z + dHiddenSide_t · W_hh.
                Gemm.Sgemm(false, false, batch, hidden, gates, 1f, hiddenSideGradient.AsSpan(t * batch * gates), gates,
                    weights.HiddenWeight.Data, hidden, 1f, direct, hidden);
                (recurrent, direct) = (direct, recurrent);
            }
            h0?.AccumulateGrad(recurrent);
            RecurrentMath.InputSideGradients(inputGradient, rows, input.Data, input, weights.InputWeight, weights.InputBias);
            if (weights.HiddenBias is { RequiresGrad: true } hiddenBias)
                RecurrentMath.AddColumnSums(hiddenSideGradient, rows, gates, hiddenBias.EnsureGrad());
            if (weights.HiddenWeight.RequiresGrad)
                RecurrentMath.HiddenWeightGradient(hiddenSideGradient, Outputs, h0?.Data, steps, batch, hidden, reverse, weights.HiddenWeight.EnsureGrad());
        }
    }
}
