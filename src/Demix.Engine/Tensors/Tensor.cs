using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>
/// A dense float32 tensor: contiguous row-major storage (<see cref="Data"/>) and a shape.
/// Reshape shares the storage (a free view); every other shape op copies, which keeps autograd simple.
/// When <see cref="RequiresGrad"/> is set, ops record a tape <see cref="Node"/> and
/// <see cref="Backward()"/> fills <see cref="Grad"/> of the leaves (tensors with no node).
/// </summary>
public sealed partial class Tensor
{
    private bool requiresGrad;

    /// <summary>Creates a tensor over <paramref name="data"/> (not copied); its length must match the shape.</summary>
    /// <param name="shape">Sizes per axis; an empty shape is a scalar (one element).</param>
    public Tensor(int[] shape, float[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = ShapeMath.ElementCount(shape);
        if (count != data.Length)
        {
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape)}] holds {count} elements but the data has {data.Length}.", nameof(data));
        }
        Shape = shape;
        Data = data;
    }

    /// <summary>A zero-filled tensor of the given shape.</summary>
    public Tensor(params int[] shape) : this(shape, new float[ShapeMath.ElementCount(shape)])
    {
    }

    /// <summary>Sizes per axis (do not mutate).</summary>
    public int[] Shape { get; }

    /// <summary>Row-major element storage (may be shared with reshaped views).</summary>
    public float[] Data { get; }

    /// <summary>Number of axes.</summary>
    public int Rank => Shape.Length;

    /// <summary>Number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>dLoss/dThis, same length as <see cref="Data"/>; null until a backward pass reaches it.</summary>
    public float[]? Grad { get; set; }

    /// <summary>The op that produced this tensor, or null for a leaf (inputs, parameters).</summary>
    public Node? Node { get; private set; }

    /// <summary>True when gradients flow to or through this tensor.</summary>
    public bool RequiresGrad
    {
        get => requiresGrad;
        set
        {
            if (!value && Node is not null) throw new InvalidOperationException("Use Detach() to cut a tensor out of the graph.");
            requiresGrad = value;
        }
    }

    /// <summary>True for tensors that receive gradients but were not produced by a recorded op (parameters, inputs).</summary>
    public bool IsLeaf => Node is null;

    /// <summary>Size of an axis; negative axes count from the end.</summary>
    public int Size(int axis) => Shape[ShapeMath.NormalizeAxis(axis, Rank)];

    /// <summary>The single value of a one-element tensor.</summary>
    public float Item()
    {
        if (Length != 1) throw new InvalidOperationException($"Item() needs one element, the tensor has {Length}.");
        return Data[0];
    }

    /// <summary>Element at a full index (slow; for tests and debugging).</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public float this[params int[] index]
    {
        get => Data[ShapeMath.FlatIndex(Shape, index)];
        set => Data[ShapeMath.FlatIndex(Shape, index)] = value;
    }

    /// <summary>A new tensor sharing this storage, outside the graph (no grad, no node).</summary>
    public Tensor Detach() => new(Shape, Data);

    /// <summary>A deep copy of the values, outside the graph.</summary>
    public Tensor Clone() => new((int[])Shape.Clone(), (float[])Data.Clone());

    /// <summary>Drops the gradient (PyTorch's zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad() => Grad = null;

    /// <summary>Grad += <paramref name="gradient"/>, allocating the gradient on first use. Ignored unless RequiresGrad.</summary>
    public void AccumulateGrad(ReadOnlySpan<float> gradient)
    {
        if (!requiresGrad) return;
        CheckGradLength(gradient.Length);
        if (Grad is null) Grad = gradient.ToArray();
        else System.Numerics.Tensors.TensorPrimitives.Add(Grad, gradient, Grad);
    }

    /// <summary>
    /// The gradient buffer for in-place accumulation (allocated as zeros on first use), for backward functions that
    /// add into it directly (for example a matrix product with beta = 1). Only valid when RequiresGrad.
    /// </summary>
    public float[] EnsureGrad()
    {
        if (!requiresGrad) throw new InvalidOperationException("EnsureGrad() on a tensor that does not require grad.");
        return Grad ??= new float[Data.Length];
    }

    /// <summary>
    /// Like <see cref="AccumulateGrad(ReadOnlySpan{float})"/> but may adopt <paramref name="gradient"/> as the storage
    /// of <see cref="Grad"/>: the caller hands over an array that nothing else will write or adopt.
    /// </summary>
    public void AccumulateGradOwned(float[] gradient)
    {
        if (!requiresGrad) return;
        CheckGradLength(gradient.Length);
        if (Grad is null) Grad = gradient;
        else System.Numerics.Tensors.TensorPrimitives.Add(Grad, gradient, Grad);
    }

    /// <summary>
    /// Records how to back-propagate through the op that produced this tensor. Called by ops right after
    /// creating their output, only when <see cref="GradMode.IsRecording"/> holds for their inputs.
    /// </summary>
    /// <param name="inputs">The tensors the op read (the tape edges).</param>
    /// <param name="backward">Receives dLoss/dThis (length <see cref="Length"/>) and accumulates into the inputs.</param>
    public void SetBackward(Tensor[] inputs, Action<float[]> backward)
    {
        if (Node is not null) throw new InvalidOperationException("This tensor already has a backward function.");
        Node = new Node(inputs, backward);
        requiresGrad = true;
    }

    /// <summary>Back-propagates from this scalar (seed gradient 1).</summary>
    public void Backward()
    {
        if (Length != 1) throw new InvalidOperationException($"Backward() without a seed needs a scalar, the tensor has shape [{string.Join(", ", Shape)}].");
        Backprop.Run(this, [1f]);
    }

    /// <summary>Back-propagates from this tensor with the given seed gradient dLoss/dThis.</summary>
    public void Backward(float[] seedGradient) => Backprop.Run(this, seedGradient);

    /// <summary>Shape as text, e.g. "[2, 3]".</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    /// <inheritdoc/>
    public override string ToString() => $"Tensor{ShapeText}";

    private void CheckGradLength(int length)
    {
        if (length != Data.Length) throw new ArgumentException($"Gradient length {length} does not match tensor length {Data.Length}.");
    }
}
