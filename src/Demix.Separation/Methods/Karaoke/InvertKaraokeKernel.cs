using System.Numerics.Tensors;

namespace Demix.Separation.Methods.Karaoke;

/// <summary>Mid/side split on spans, vectorised with <see cref="TensorPrimitives"/>.</summary>
public static class InvertKaraokeKernel
{
    /// <summary>Writes <c>mid[i] = (left[i] + right[i]) / 2</c> and <c>side[i] = (left[i] - right[i]) / 2</c>.</summary>
    public static void Split(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> mid, Span<float> side)
    {
        if (right.Length != left.Length) throw new ArgumentException("Channels differ in length.", nameof(right));
        TensorPrimitives.Add(left, right, mid);
        TensorPrimitives.Multiply(mid[..left.Length], 0.5f, mid);
        TensorPrimitives.Subtract(left, right, side);
        TensorPrimitives.Multiply(side[..left.Length], 0.5f, side);
    }
}
