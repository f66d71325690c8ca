using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// Runs a stack of recurrent layers: per layer the directions (forward, then reverse) over the same
/// input, their outputs concatenated on the feature axis, dropout between layers in training mode;
/// the final states are stacked to [L·D, B, H] with row = layer · D + direction, as PyTorch does.
/// </summary>
internal static class RecurrentStack
{
    /// <summary>Runs one layer direction: (input [T, B, in], weights, state index, reverse) → (output [T, B, H], final states).</summary>
    public delegate (Tensor Output, Tensor[] FinalStates) DirectionRunner(Tensor input, RecurrentWeights weights, int stateIndex, bool reverse);

    /// <summary>Runs the stack.</summary>
    /// <param name="input">[T, B, in], or [B, T, in] when <see cref="RecurrentOptions.BatchFirst"/>.</param>
    /// <param name="stateCount">Final states per direction (LSTM 2: h and c; GRU 1).</param>
    /// <returns>The output ([T, B, D·H] or batch-first) and each final state stacked to [L·D, B, H].</returns>
    public static (Tensor Output, Tensor[] FinalStates) Run(Tensor input, RecurrentOptions options, RecurrentParameters parameters,
        int stateCount, bool training, Random random, DirectionRunner runner)
    {
        if (input.Rank != 3 || input.Size(2) != options.InputSize)
            throw new ArgumentException($"Recurrent input must be [{(options.BatchFirst ? "B, T" : "T, B")}, {options.InputSize}], got {input.ShapeText}.");
        // Batch-first input is reordered to time-major once; every layer then reads contiguous steps.
        var layerInput = options.BatchFirst ? input.Transpose(0, 1) : input;
        var finalStates = Enumerable.Range(0, stateCount).Select(_ => new List<Tensor>()).ToArray();
        for (int layer = 0; layer < options.LayerCount; layer++)
        {
            var outputs = new Tensor[options.DirectionCount];
            for (int direction = 0; direction < options.DirectionCount; direction++)
            {
                int stateIndex = layer * options.DirectionCount + direction;
                var (output, states) = runner(layerInput, parameters[layer, direction], stateIndex, direction == 1);
                outputs[direction] = output;
                for (int s = 0; s < stateCount; s++) finalStates[s].Add(states[s]);
            }
            layerInput = outputs.Length == 1 ? outputs[0] : Tensor.Concat(outputs, 2);
            if (layer < options.LayerCount - 1) layerInput = layerInput.Dropout(options.Dropout, random, training);
        }
        var result = options.BatchFirst ? layerInput.Transpose(0, 1) : layerInput;
        return (result, [.. finalStates.Select(list => Tensor.Stack(list, 0))]);
    }

    /// <summary>Row <paramref name="index"/> of an initial state [L·D, B, H], or null when no state was given.</summary>
    public static Tensor? InitialState(Tensor? state, int index, RecurrentOptions options, int batch, string name)
    {
        if (state is null) return null;
        int rows = options.LayerCount * options.DirectionCount;
        if (state.Rank != 3 || state.Size(0) != rows || state.Size(1) != batch || state.Size(2) != options.HiddenSize)
            throw new ArgumentException($"{name} must be [{rows}, {batch}, {options.HiddenSize}], got {state.ShapeText}.");
        return state.Select(0, index);
    }
}
