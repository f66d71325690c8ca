using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Attention;

/// <summary>
/// Additive attention masks: 0 where a query may attend to a key, −∞ where it may not. They are added
/// to the scores [B, heads, T, S] with broadcasting, so a [T, S] mask applies to every batch and head.
/// </summary>
public static class AttentionMasks
{
    /// <summary>[T, S] causal mask: query i may attend to keys j ≤ i + (S − T) (the last T of S positions are the queries).</summary>
    public static Tensor Causal(int queryLength, int keyLength)
    {
        var mask = new Tensor(queryLength, keyLength);
        int offset = keyLength - queryLength;
        for (int i = 0; i < queryLength; i++)
        {
            for (int j = i + offset + 1; j < keyLength; j++) mask.Data[i * keyLength + j] = float.NegativeInfinity;
        }
        return mask;
    }

    /// <summary>Converts a boolean-style mask (non-zero = NOT allowed, as PyTorch's bool masks) into an additive one of the same shape.</summary>
    public static Tensor FromBoolean(Tensor blocked)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        var data = new float[blocked.Length];
        for (int i = 0; i < data.Length; i++) data[i] = blocked.Data[i] != 0f ? float.NegativeInfinity : 0f;
        return new Tensor((int[])blocked.Shape.Clone(), data);
    }

    /// <summary>
    /// [B, 1, 1, S] key-padding mask from <paramref name="isPadding"/>[b, s] (true = key s of sample b is padding and is ignored).
    /// </summary>
    public static Tensor KeyPadding(bool[,] isPadding)
    {
        ArgumentNullException.ThrowIfNull(isPadding);
        int batch = isPadding.GetLength(0), keys = isPadding.GetLength(1);
        var mask = new Tensor(batch, 1, 1, keys);
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < keys; s++) mask.Data[b * keys + s] = isPadding[b, s] ? float.NegativeInfinity : 0f;
        }
        return mask;
    }

    /// <summary>The sum of two optional additive masks (null when both are null).</summary>
    public static Tensor? Combine(Tensor? first, Tensor? second) =>
        first is null ? second : second is null ? first : first + second;
}
