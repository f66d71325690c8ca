using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// The parameters of a recurrent stack with PyTorch's names and order: for each layer k, for each
/// direction, <c>weight_ih_l{k}</c>, <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c>
/// (with the suffix <c>_reverse</c> for the reverse direction), so state dicts map one to one.
/// Initialised as PyTorch does: every value U(−1/√H, 1/√H).
/// </summary>
internal sealed class RecurrentParameters
{
    private readonly RecurrentWeights[] weights;
    private readonly int directionCount;

    /// <summary>Creates the parameters for <paramref name="gateCount"/> gates (LSTM 4, GRU 3).</summary>
    /// <param name="register">Registers a parameter with its module under a name and returns it.</param>
    public RecurrentParameters(RecurrentOptions options, int gateCount, Random random, Func<string, Tensor, Tensor> register)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        float bound = 1f / MathF.Sqrt(options.HiddenSize);
        int rows = gateCount * options.HiddenSize;
        directionCount = options.DirectionCount;
        weights = new RecurrentWeights[options.LayerCount * options.DirectionCount];
        for (int layer = 0; layer < options.LayerCount; layer++)
        {
            int inputSize = layer == 0 ? options.InputSize : options.OutputSize;
            for (int direction = 0; direction < options.DirectionCount; direction++)
            {
                string suffix = $"_l{layer}" + (direction == 1 ? "_reverse" : "");
                Tensor Make(string name, params int[] shape)
                {
                    return register(name + suffix, TensorFactory.Uniform(random, shape, -bound, bound));
                }
                var inputWeight = Make("weight_ih", rows, inputSize);
                var hiddenWeight = Make("weight_hh", rows, options.HiddenSize);
                var inputBias = options.Bias ? Make("bias_ih", rows) : null;
                var hiddenBias = options.Bias ? Make("bias_hh", rows) : null;
                weights[layer * options.DirectionCount + direction] = new RecurrentWeights(inputWeight, hiddenWeight, inputBias, hiddenBias);
            }
        }
    }

    /// <summary>The weights of one layer and direction (0 forward, 1 reverse).</summary>
    public RecurrentWeights this[int layer, int direction] => weights[layer * directionCount + direction];
}
