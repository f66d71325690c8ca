namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// The hyper-parameters of a recurrent stack, named as in PyTorch's <c>nn.LSTM</c>/<c>nn.GRU</c>.
/// </summary>
/// <param name="InputSize">Features per time step of the input.</param>
/// <param name="HiddenSize">H, the state size per direction.</param>
/// <param name="LayerCount">Stacked layers; layer k &gt; 0 reads the (concatenated) outputs of layer k − 1.</param>
/// <param name="Bidirectional">Add a reverse-time direction per layer; outputs are [forward | reverse].</param>
/// <param name="BatchFirst">Input and output are [B, T, F] instead of [T, B, F] (states stay [L·D, B, H]).</param>
/// <param name="Bias">Whether the layers have <c>bias_ih</c> and <c>bias_hh</c>.</param>
/// <param name="Dropout">Dropout probability on the outputs of every layer except the last, in training mode.</param>
public sealed record RecurrentOptions(
    int InputSize, int HiddenSize, int LayerCount = 1, bool Bidirectional = false, bool BatchFirst = false,
    bool Bias = true, float Dropout = 0f)
{
    /// <summary>D: 2 when bidirectional, else 1.</summary>
    public int DirectionCount => Bidirectional ? 2 : 1;

    /// <summary>Features per step of the output: D · H.</summary>
    public int OutputSize => DirectionCount * HiddenSize;

    /// <summary>Throws when a size is not positive or the dropout is outside [0, 1).</summary>
    public void Validate()
    {
        if (InputSize <= 0 || HiddenSize <= 0 || LayerCount <= 0)
            throw new ArgumentException($"Recurrent sizes must be positive (input {InputSize}, hidden {HiddenSize}, layers {LayerCount}).");
        if (Dropout is < 0f or >= 1f) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
    }
}
