using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// A multi-layer, optionally bidirectional LSTM equivalent to PyTorch's <c>nn.LSTM</c> (gate order
/// i, f, g, o; both biases added; parameter names <c>weight_ih_l0</c> … <c>bias_hh_l2_reverse</c>).
/// Parameters are registered in PyTorch's state-dict order. Each layer is one autograd node (see <c>LstmLayerOp</c>).
/// </summary>
public sealed class Lstm : Module
{
    private const int GateCount = 4;
    private readonly Random random;

    /// <summary>Creates the LSTM with PyTorch's default initialisation drawn from <paramref name="random"/>, which also drives dropout.</summary>
    public Lstm(RecurrentOptions options, Random random)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        Weights = new RecurrentParameters(options, GateCount, random, RegisterParameter);
    }

    /// <summary>The hyper-parameters.</summary>
    public RecurrentOptions Options { get; }

    /// <summary>The weights of one layer (0 …) and direction (0 forward, 1 reverse).</summary>
    public RecurrentWeights LayerWeights(int layer, int direction) => Weights[layer, direction];

    private RecurrentParameters Weights { get; }

    /// <summary>Runs the LSTM.</summary>
    /// <param name="input">[T, B, in] ([B, T, in] when batch-first).</param>
    /// <param name="initialHidden">h0 [L·D, B, H], or null for zeros.</param>
    /// <param name="initialCell">c0 [L·D, B, H], or null for zeros.</param>
    /// <returns>Output [T, B, D·H] ([B, T, D·H] when batch-first), h_n and c_n [L·D, B, H].</returns>
    public LstmResult Forward(Tensor input, Tensor? initialHidden = null, Tensor? initialCell = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        int batch = input.Size(Options.BatchFirst ? 0 : 1);
        var (output, states) = RecurrentStack.Run(input, Options, Weights, 2, Training, random, (x, weights, layer) =>
        {
            var h0 = RecurrentStack.InitialStates(initialHidden, layer, Options, batch, "h0");
            var c0 = RecurrentStack.InitialStates(initialCell, layer, Options, batch, "c0");
            var (y, hidden, cell) = LstmLayerOp.Forward(x, weights, h0, c0);
            return (y, [hidden, cell]);
        });
        return new LstmResult(output, states[0], states[1]);
    }
}

/// <summary>What an LSTM returns: the per-step output and the final hidden and cell states.</summary>
/// <param name="Output">[T, B, D·H] (or batch-first); features [forward | reverse].</param>
/// <param name="Hidden">h_n [L·D, B, H], row = layer · D + direction.</param>
/// <param name="Cell">c_n [L·D, B, H].</param>
public sealed record LstmResult(Tensor Output, Tensor Hidden, Tensor Cell);
