using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Attention;

/// <summary>
/// Turns per-distance logits into per-position logits: rel[b, h, i, j] = q_i · E_{clip(j − i)} taken from
/// logits[h, b, i, clip(j − i, −K, K) + K]. For a causal model with K = L − 1 this is exactly the result of
/// Music Transformer's "skewing" (Huang et al. 2018: pad a column, reshape, drop a row), done as an explicit
/// gather in O(L·S) memory without the padded copy; the backward scatters the gradients back.
/// </summary>
internal static class RelativeShift
{
    /// <param name="logits">[heads, B, L, 2K + 1] the products q_i · E_r for r = −K … K.</param>
    /// <param name="keyLength">S, the number of keys (query i sits at key position i + S − L).</param>
    /// <returns>[B, heads, L, S].</returns>
    public static Tensor Apply(Tensor logits, int keyLength)
    {
        int heads = logits.Size(0), batch = logits.Size(1), length = logits.Size(2), width = logits.Size(3);
        int maxDistance = (width - 1) / 2, offset = keyLength - length;
        var index = new int[length * keyLength];
        for (int i = 0; i < length; i++)
        {
            for (int j = 0; j < keyLength; j++) index[i * keyLength + j] = i * width + Math.Clamp(j - i - offset, -maxDistance, maxDistance) + maxDistance;
        }
        var data = new float[batch * heads * length * keyLength];
        int block = length * keyLength, source = length * width;
        for (int b = 0; b < batch; b++)
        {
            for (int h = 0; h < heads; h++)
            {
                int from = (h * batch + b) * source, to = (b * heads + h) * block;
                for (int k = 0; k < block; k++) data[to + k] = logits.Data[from + index[k]];
            }
        }
        var output = new Tensor([batch, heads, length, keyLength], data);
        if (GradMode.IsRecording(logits)) output.SetBackward([logits], grad => Scatter(grad, logits, index, batch, heads, block, source));
        return output;
    }

    private static void Scatter(float[] grad, Tensor logits, int[] index, int batch, int heads, int block, int source)
    {
        var dx = new float[logits.Length];
        for (int b = 0; b < batch; b++)
        {
            for (int h = 0; h < heads; h++)
            {
                int to = (h * batch + b) * source, from = (b * heads + h) * block;
                for (int k = 0; k < block; k++) dx[to + index[k]] += grad[from + k];
            }
        }
        logits.AccumulateGradOwned(dx);
    }
}
