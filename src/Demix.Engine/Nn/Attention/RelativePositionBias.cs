using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Attention;

/// <summary>
/// Learned relative-position logits as in Music Transformer (Huang et al. 2018, after Shaw et al. 2018):
/// each head h has embeddings E_h[r] for distances r = j − i in −K … K (clipped beyond K), and adds
/// S_rel[i, j] = q_i · E_h[clip(j − i)] to the attention scores. The products Q·Eᵀ take one batched GEMM;
/// <see cref="RelativeShift"/> then places them per (query, key) pair (the "skewing" step).
/// </summary>
public sealed class RelativePositionBias
{
    /// <summary>Creates the embeddings [heads, 2K + 1, d], drawn N(0, 1/√d) from <paramref name="random"/>.</summary>
    public RelativePositionBias(int headCount, int headSize, int maxDistance, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (headCount <= 0 || headSize <= 0 || maxDistance <= 0)
            throw new ArgumentException($"Relative position bias needs positive sizes (heads {headCount}, head size {headSize}, distance {maxDistance}).");
        MaxDistance = maxDistance;
        Embeddings = TensorFactory.Randn(random, [headCount, 2 * maxDistance + 1, headSize], 0f, 1f / MathF.Sqrt(headSize));
        Embeddings.RequiresGrad = true;
    }

    /// <summary>K: distances beyond ±K share the outermost embedding.</summary>
    public int MaxDistance { get; }

    /// <summary>E [heads, 2K + 1, d]; row K is distance 0, row K + r is distance r (key after query for r &gt; 0).</summary>
    public Tensor Embeddings { get; }

    /// <summary>The relative logits for queries [B, heads, L, d] against <paramref name="keyLength"/> keys: [B, heads, L, S].</summary>
    public Tensor Logits(Tensor query, int keyLength)
    {
        ArgumentNullException.ThrowIfNull(query);
        int batch = query.Size(0), heads = query.Size(1), length = query.Size(2), d = query.Size(3);
        if (heads != Embeddings.Size(0) || d != Embeddings.Size(2))
            throw new ArgumentException($"Queries {query.ShapeText} do not match relative embeddings {Embeddings.ShapeText}.");
        // Heads lead so that every head's [B·L, d] block meets its own embeddings in one batched product.
        var byHead = query.Permute(1, 0, 2, 3).Reshape(heads, batch * length, d);
        var perDistance = Tensor.MatMul(byHead, Embeddings, transposeB: true).Reshape(heads, batch, length, 2 * MaxDistance + 1);
        return RelativeShift.Apply(perDistance, keyLength);
    }
}
