using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// A multi-layer, optionally bidirectional GRU equivalent to PyTorch's <c>nn.GRU</c> (gate order r, z, n;
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); parameter names as for the LSTM).
/// Parameters are registered in PyTorch's state-dict order. Each layer is one autograd node (see <c>GruLayerOp</c>).
/// </summary>
public sealed class Gru : Module
{
    private const int GateCount = 3;
    private readonly Random random;

    /// <summary>Creates the GRU with PyTorch's default initialisation drawn from <paramref name="random"/>, which also drives dropout.</summary>
    public Gru(RecurrentOptions options, Random random)
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

    /// <summary>Runs the GRU.</summary>
    /// <param name="input">[T, B, in] ([B, T, in] when batch-first).</param>
    /// <param name="initialHidden">h0 [L·D, B, H], or null for zeros.</param>
    /// <returns>Output [T, B, D·H] (or batch-first) and h_n [L·D, B, H].</returns>
    public (Tensor Output, Tensor Hidden) Forward(Tensor input, Tensor? initialHidden = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        int batch = input.Size(Options.BatchFirst ? 0 : 1);
        var (output, states) = RecurrentStack.Run(input, Options, Weights, 1, Training, random, (x, weights, layer) =>
        {
            var h0 = RecurrentStack.InitialStates(initialHidden, layer, Options, batch, "h0");
            var (y, hidden) = GruLayerOp.Forward(x, weights, h0);
            return (y, [hidden]);
        });
        return (output, states[0]);
    }
}
