using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Attention;

/// <summary>
/// Multi-head attention equivalent to PyTorch's <c>nn.MultiheadAttention</c> (kdim = vdim = E): parameters
/// <c>in_proj_weight</c> [3E, E] (rows W_q; W_k; W_v), <c>in_proj_bias</c> [3E], <c>out_proj.weight</c> [E, E],
/// <c>out_proj.bias</c> [E]; heads take contiguous feature blocks; scores (q/√d)·kᵀ plus additive masks, softmax
/// over keys, dropout on the weights in training. Optional extras: Music-Transformer relative position logits
/// (<c>relative_embeddings</c>) and rotary embeddings on q and k.
/// </summary>
public sealed class MultiheadAttention : Module
{
    private readonly Random random;
    private readonly Linear outProjection;

    /// <summary>Creates the layer with PyTorch's initialisation (xavier-uniform in_proj, zero biases, out_proj U(±1/√E)).</summary>
    /// <param name="relativeMaxDistance">K &gt; 0 adds relative position logits for distances −K … K; 0 disables them.</param>
    /// <param name="rotary">Rotate q and k by their positions (RoFormer).</param>
    public MultiheadAttention(int embedDim, int headCount, Random random, bool batchFirst = false, float dropout = 0f,
        bool bias = true, int relativeMaxDistance = 0, bool rotary = false)
    {
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        if (embedDim <= 0 || headCount <= 0 || embedDim % headCount != 0)
            throw new ArgumentException($"embedDim {embedDim} must be a positive multiple of headCount {headCount}.");
        if (dropout is < 0f or >= 1f) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout must be in [0, 1).");
        (EmbedDim, HeadCount, BatchFirst, Dropout) = (embedDim, headCount, batchFirst, dropout);
        InProjectionWeight = RegisterParameter("in_proj_weight", new Tensor(3 * embedDim, embedDim));
        Init.XavierUniform(InProjectionWeight, random);
        InProjectionBias = bias ? RegisterParameter("in_proj_bias", new Tensor(3 * embedDim)) : null;
        if (relativeMaxDistance > 0)
        {
            RelativeBias = new RelativePositionBias(headCount, HeadSize, relativeMaxDistance, random);
            RegisterParameter("relative_embeddings", RelativeBias.Embeddings);
        }
        outProjection = Register("out_proj", new Linear(embedDim, embedDim, random, bias));
        if (outProjection.Bias is not null) Array.Clear(outProjection.Bias.Data);
        Rotary = rotary ? new RotaryEmbedding(HeadSize) : null;
    }

    /// <summary>E, the model width.</summary>
    public int EmbedDim { get; }

    /// <summary>The number of heads.</summary>
    public int HeadCount { get; }

    /// <summary>d = E / heads.</summary>
    public int HeadSize => EmbedDim / HeadCount;

    /// <summary>Inputs and outputs are [B, T, E] instead of [T, B, E].</summary>
    public bool BatchFirst { get; }

    /// <summary>Dropout probability on the attention weights in training mode.</summary>
    public float Dropout { get; }

    /// <summary>[3E, E]: W_q, W_k, W_v stacked.</summary>
    public Tensor InProjectionWeight { get; }

    /// <summary>[3E] or null.</summary>
    public Tensor? InProjectionBias { get; }

    /// <summary>[E, E].</summary>
    public Tensor OutProjectionWeight => outProjection.Weight;

    /// <summary>[E] or null.</summary>
    public Tensor? OutProjectionBias => outProjection.Bias;

    /// <summary>The relative position logits, or null.</summary>
    public RelativePositionBias? RelativeBias { get; }

    /// <summary>The rotary embedding, or null.</summary>
    public RotaryEmbedding? Rotary { get; }

    /// <summary>Self-attention: query = key = value = <paramref name="x"/>, projected by one GEMM.</summary>
    /// <param name="x">[T, B, E] ([B, T, E] when batch-first).</param>
    /// <param name="attentionMask">Additive mask broadcastable to [B, heads, T, T] (e.g. <see cref="AttentionMasks.Causal"/>).</param>
    /// <param name="keyPaddingMask">Additive [B, 1, 1, T] (see <see cref="AttentionMasks.KeyPadding"/>).</param>
    public AttentionResult SelfAttention(Tensor x, Tensor? attentionMask = null, Tensor? keyPaddingMask = null)
    {
        var input = ToBatchFirst(x);
        var parts = Tensor.Linear(input, InProjectionWeight, InProjectionBias).Split([EmbedDim, EmbedDim, EmbedDim], 2);
        return Attend(parts[0], parts[1], parts[2], AttentionMasks.Combine(attentionMask, keyPaddingMask));
    }

    /// <summary>General attention of queries [T, B, E] over keys and values [S, B, E] (batch-first: [B, T, E], [B, S, E]).</summary>
    public AttentionResult Forward(Tensor query, Tensor key, Tensor value, Tensor? attentionMask = null, Tensor? keyPaddingMask = null)
    {
        var q = Project(ToBatchFirst(query), 0);
        var k = Project(ToBatchFirst(key), 1);
        var v = Project(ToBatchFirst(value), 2);
        return Attend(q, k, v, AttentionMasks.Combine(attentionMask, keyPaddingMask));
    }

    private AttentionResult Attend(Tensor q, Tensor k, Tensor v, Tensor? mask)
    {
        int batch = q.Size(0), queries = q.Size(1), keys = k.Size(1);
        var qh = SplitHeads(q).Multiply(1f / MathF.Sqrt(HeadSize));
        var kh = SplitHeads(k);
        if (Rotary is not null)
        {
            qh = Rotary.Apply(qh, keys - queries);
            kh = Rotary.Apply(kh);
        }
        var scores = Tensor.MatMul(qh, kh, transposeB: true);
        if (RelativeBias is not null) scores += RelativeBias.Logits(qh, keys);
        if (mask is not null) scores += mask;
        var weights = scores.Softmax(-1);
        var attended = Tensor.MatMul(weights.Dropout(Dropout, random, Training), SplitHeads(v));
        // [B, heads, T, d] → [B, T, heads, d] → [B, T, E]: heads back in feature order.
        var merged = attended.Permute(0, 2, 1, 3).Reshape(batch, queries, EmbedDim);
        var output = Tensor.Linear(merged, OutProjectionWeight, OutProjectionBias);
        return new AttentionResult(BatchFirst ? output : output.Transpose(0, 1), weights);
    }

    /// <summary>[B, T, E] → [B, heads, T, d]: head h takes features h·d … h·d + d − 1.</summary>
    private Tensor SplitHeads(Tensor x) => x.Reshape(x.Size(0), x.Size(1), HeadCount, HeadSize).Permute(0, 2, 1, 3);

    private Tensor Project(Tensor x, int part) => Tensor.Linear(x,
        InProjectionWeight.Slice(0, part * EmbedDim, EmbedDim), InProjectionBias?.Slice(0, part * EmbedDim, EmbedDim));

    private Tensor ToBatchFirst(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 3 || x.Size(2) != EmbedDim)
            throw new ArgumentException($"Attention input must be [{(BatchFirst ? "B, T" : "T, B")}, {EmbedDim}], got {x.ShapeText}.");
        return BatchFirst ? x : x.Transpose(0, 1);
    }
}

/// <summary>What attention returns.</summary>
/// <param name="Output">[T, B, E] ([B, T, E] when batch-first).</param>
/// <param name="Weights">The attention weights before dropout, [B, heads, T, S].</param>
public sealed record AttentionResult(Tensor Output, Tensor Weights);
