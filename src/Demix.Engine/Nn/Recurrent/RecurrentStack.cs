using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// Runs a stack of recurrent layers: each layer op runs its directions (forward, then reverse) over the
/// same input and returns their outputs concatenated on the feature axis; dropout between layers in training mode;
/// the final states are stacked to [L·D, B, H] with row = layer · D + direction, as PyTorch does.
/// </summary>
internal static class RecurrentStack
{
    /// <summary>Runs one layer: (input [T, B, in], weights per direction, layer) → (output [T, B, D·H], final states [state][direction] of [B, H]).</summary>
    public delegate (Tensor Output, Tensor[][] FinalStates) LayerRunner(Tensor input, RecurrentWeights[] weights, int layer);

    /// <summary>Runs the stack.</summary>
    /// <param name="input">[T, B, in], or [B, T, in] when <see cref="RecurrentOptions.BatchFirst"/>.</param>
    /// <param name="stateCount">Final states per direction (LSTM 2: h and c; GRU 1).</param>
    /// <returns>The output ([T, B, D·H] or batch-first) and each final state stacked to [L·D, B, H].</returns>
    public static (Tensor Output, Tensor[] FinalStates) Run(Tensor input, RecurrentOptions options, RecurrentParameters parameters,
        int stateCount, bool training, Random random, LayerRunner runner)
    {
        if (input.Rank != 3 || input.Size(2) != options.InputSize)
            throw new ArgumentException($"Recurrent input must be [{(options.BatchFirst ? "B, T" : "T, B")}, {options.InputSize}], got {input.ShapeText}.");
        // Batch-first input is reordered to time-major once; every layer then reads contiguous steps.
        var layerInput = options.BatchFirst ? input.Transpose(0, 1) : input;
        var finalStates = Enumerable.Range(0, stateCount).Select(_ => new List<Tensor>()).ToArray();
        for (int layer = 0; layer < options.LayerCount; layer++)
        {
            var weights = Enumerable.Range(0, options.DirectionCount).Select(d => parameters[layer, d]).ToArray();
            var (output, states) = runner(layerInput, weights, layer);
            for (int s = 0; s < stateCount; s++) finalStates[s].AddRange(states[s]);
            layerInput = output;
            if (layer < options.LayerCount - 1) layerInput = layerInput.Dropout(options.Dropout, random, training);
        }
        var result = options.BatchFirst ? layerInput.Transpose(0, 1) : layerInput;
        return (result, [.. finalStates.Select(list => Tensor.Stack(list, 0))]);
    }

    /// <summary>The rows of layer <paramref name="layer"/> (one per direction) of an initial state [L·D, B, H]; nulls when no state was given.</summary>
    public static Tensor?[] InitialStates(Tensor? state, int layer, RecurrentOptions options, int batch, string name)
    {
        int directions = options.DirectionCount;
        if (state is null) return new Tensor?[directions];
        int rows = options.LayerCount * directions;
        if (state.Rank != 3 || state.Size(0) != rows || state.Size(1) != batch || state.Size(2) != options.HiddenSize)
            throw new ArgumentException($"{name} must be [{rows}, {batch}, {options.HiddenSize}], got {state.ShapeText}.");
        return [.. Enumerable.Range(0, directions).Select(d => state.Select(0, layer * directions + d))];
    }
}
