using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Recurrent;

/// <summary>
/// The parameters of one direction of one recurrent layer, in PyTorch's layout: <see cref="InputWeight"/>
/// [G·H, in] (<c>weight_ih_l{k}</c>), <see cref="HiddenWeight"/> [G·H, H] (<c>weight_hh_l{k}</c>) and the optional
/// biases [G·H] (<c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c>), where G is the gate count (LSTM 4, GRU 3).
/// </summary>
public sealed record RecurrentWeights(Tensor InputWeight, Tensor HiddenWeight, Tensor? InputBias, Tensor? HiddenBias)
{
    /// <summary>H, the hidden size.</summary>
    public int HiddenSize => HiddenWeight.Size(1);

    /// <summary>The input feature count.</summary>
    public int InputSize => InputWeight.Size(1);

    /// <summary>The tensors an op reads (the autograd edges), skipping absent biases.</summary>
    internal Tensor[] Edges(params Tensor?[] others) =>
        [.. new[] { InputWeight, HiddenWeight, InputBias, HiddenBias }.Concat(others).OfType<Tensor>()];

    /// <summary>Checks the shapes against the gate count and the input size.</summary>
    internal void Validate(int gateCount, int inputSize)
    {
        int h = HiddenSize, rows = gateCount * h;
        if (InputWeight.Rank != 2 || InputWeight.Size(0) != rows || InputWeight.Size(1) != inputSize)
            throw new ArgumentException($"weight_ih is {InputWeight.ShapeText}, expected [{rows}, {inputSize}].");
        if (HiddenWeight.Rank != 2 || HiddenWeight.Size(0) != rows)
            throw new ArgumentException($"weight_hh is {HiddenWeight.ShapeText}, expected [{rows}, {h}].");
        if (InputBias is not null && InputBias.Length != rows) throw new ArgumentException($"bias_ih is {InputBias.ShapeText}, expected [{rows}].");
        if (HiddenBias is not null && HiddenBias.Length != rows) throw new ArgumentException($"bias_hh is {HiddenBias.ShapeText}, expected [{rows}].");
    }
}
