using System.Numerics.Tensors;
using Demix.Engine.Kernels;
using Demix.Engine.Tensors;
using Tensor = Demix.Engine.Tensors.Tensor;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>The GEMM-shaped pieces shared by the LSTM and GRU layer ops.</summary>
internal static class RecurrentMath
{
    /// <summary>
    /// projection[r, :] = x[r, :] · Wᵀ + b1 + b2 for all rows r = t·B + b at once (one GEMM over every time step).
    /// </summary>
    /// <param name="x">[rows, in].</param>
    /// <param name="weight">[cols, in].</param>
    /// <param name="projection">[rows, cols], overwritten.</param>
    public static void Project(float[] x, int rows, Tensor weight, Tensor? bias1, Tensor? bias2, float[] projection)
    {
        int cols = weight.Size(0), inputSize = weight.Size(1);
        bool hasBias = bias1 is not null || bias2 is not null;
        if (hasBias)
        {
            var bias = new float[cols];
            if (bias1 is not null) TensorPrimitives.Add(bias, bias1.Data, bias);
            if (bias2 is not null) TensorPrimitives.Add(bias, bias2.Data, bias);
            for (int r = 0; r < rows; r++) bias.CopyTo(projection, r * cols);
        }
        Gemm.Sgemm(false, true, rows, cols, inputSize, 1f, x, inputSize, weight.Data, inputSize, hasBias ? 1f : 0f, projection, cols);
    }

    /// <summary>
    /// The parameter and input gradients that follow from the per-row gate gradients:
    /// dW += dGᵀ · x (one GEMM), db += Σ_rows dG, and dx = dG · W (one GEMM) into <paramref name="inputGradient"/>.
    /// </summary>
    /// <param name="gateGradient">[rows, cols].</param>
    /// <param name="x">[rows, in], the layer input.</param>
    /// <param name="inputGradient">[rows, in], overwritten; null when the input needs no gradient.</param>
    public static void InputSideGradients(float[] gateGradient, int rows, float[] x, float[]? inputGradient, Tensor weight, Tensor? bias)
    {
        int cols = weight.Size(0), inputSize = weight.Size(1);
        if (weight.RequiresGrad)
            Gemm.Sgemm(true, false, cols, inputSize, rows, 1f, gateGradient, cols, x, inputSize, 1f, weight.EnsureGrad(), inputSize);
        if (bias is not null && bias.RequiresGrad) AddColumnSums(gateGradient, rows, cols, bias.EnsureGrad());
        if (inputGradient is not null)
            Gemm.Sgemm(false, false, rows, inputSize, cols, 1f, gateGradient, cols, weight.Data, inputSize, 0f, inputGradient, inputSize);
    }

    /// <summary>
    /// Wᵀ as a new row-major array [cols, rows] with leading dimension <c>Ld</c> ≥ rows. The recurrent step multiplies
    /// h_prev [B, H] by W_hhᵀ; with the transposed copy that is a plain (non-transposed) product, which the small-row
    /// GEMM path runs about 1.5x faster. Rows are padded off multiples of 1 KiB apart (4 KiB-apart rows alias in
    /// the cache and cost the in-place GEMM about 10 % here).
    /// </summary>
    public static (float[] Matrix, int Ld) TransposePadded(float[] matrix, int rows, int cols)
    {
        int ld = rows * sizeof(float) % 1024 == 0 ? rows + 16 : rows;
        var result = new float[cols * ld];
        const int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile)
        {
            for (int c0 = 0; c0 < cols; c0 += tile)
            {
                for (int r = r0; r < Math.Min(r0 + tile, rows); r++)
                    for (int c = c0; c < Math.Min(c0 + tile, cols); c++) result[c * ld + r] = matrix[r * cols + c];
            }
        }
        return (result, ld);
    }

    /// <summary>sums[c] += Σ_r matrix[r, c].</summary>
    public static void AddColumnSums(ReadOnlySpan<float> matrix, int rows, int cols, Span<float> sums)
    {
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(sums, matrix.Slice(r * cols, cols), sums);
    }

    /// <summary>
    /// dW_hh += Σ_t dG_tᵀ · h_prev(t) where h_prev(t) is the output of the step processed just before t
    /// (t−1 forward, t+1 reverse) or h0 for the first processed step: two GEMMs over the stored outputs.
    /// </summary>
    /// <param name="gateGradient">[T·B, cols] gradients with respect to h_prev · W_hhᵀ.</param>
    /// <param name="outputs">The shared output buffer (this direction's rows per <paramref name="layout"/>).</param>
    /// <param name="initialHidden">[B, H] h0, or null for zeros.</param>
    public static void HiddenWeightGradient(float[] gateGradient, float[] outputs, float[]? initialHidden,
        DirectionLayout layout, float[] weightGradient)
    {
        int hidden = layout.Hidden, batch = layout.Batch, cols = weightGradient.Length / hidden;
        int laterRows = (layout.Steps - 1) * batch;
        var gradientOfLater = gateGradient.AsSpan((layout.Reverse ? 0 : batch) * cols);
        var previousOutputs = outputs.AsSpan(layout.BlockStart(layout.Reverse ? 1 : 0));
        if (laterRows > 0)
            Gemm.Sgemm(true, false, cols, hidden, laterRows, 1f, gradientOfLater, cols, previousOutputs, layout.Width, 1f, weightGradient, hidden);
        if (initialHidden is null) return;
        int firstStep = layout.StepAt(0);
        Gemm.Sgemm(true, false, cols, hidden, batch, 1f, gateGradient.AsSpan(firstStep * batch * cols), cols, initialHidden, hidden, 1f, weightGradient, hidden);
    }
}
