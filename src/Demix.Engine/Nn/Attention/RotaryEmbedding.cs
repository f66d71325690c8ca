using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn.Attention;

/// <summary>
/// Rotary position embeddings (RoFormer, Su et al. 2021) in the "rotate half" layout: for a head vector
/// x = [x₁ | x₂] (halves of d/2) at position p, y = [x₁ cos θ − x₂ sin θ | x₂ cos θ + x₁ sin θ] with
/// θ_i = p · base^(−2i/d). Applied to queries and keys, it makes q·k depend only on the position difference.
/// </summary>
public sealed class RotaryEmbedding
{
    /// <summary>Creates the embedding for head size <paramref name="headSize"/> (even).</summary>
    /// <param name="frequencyBase">The base of the frequency progression (10 000 in the paper).</param>
    public RotaryEmbedding(int headSize, float frequencyBase = 10_000f)
    {
        if (headSize <= 0 || headSize % 2 != 0) throw new ArgumentException($"Rotary embeddings need an even head size, got {headSize}.");
        HeadSize = headSize;
        FrequencyBase = frequencyBase;
    }

    /// <summary>d, the head size.</summary>
    public int HeadSize { get; }

    /// <summary>The frequency base.</summary>
    public float FrequencyBase { get; }

    /// <summary>Rotates <paramref name="x"/> [..., L, d]; position of row l is <paramref name="positionOffset"/> + l.</summary>
    public Tensor Apply(Tensor x, int positionOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Size(-1), length = x.Size(-2), half = d / 2;
        if (d != HeadSize) throw new ArgumentException($"Rotary embedding for head size {HeadSize} applied to {x.ShapeText}.");
        var (cos, sin) = Tables(length, positionOffset);
        var data = new float[x.Length];
        Rotate(x.Data, data, cos, sin, length, half, sign: 1f);
        var output = new Tensor((int[])x.Shape.Clone(), data);
        if (GradMode.IsRecording(x))
        {
            output.SetBackward([x], grad =>
            {
                // The rotation is orthogonal: the gradient is rotated back by −θ.
                var dx = new float[x.Length];
                Rotate(grad, dx, cos, sin, length, half, sign: -1f);
                x.AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>cos θ and sin θ, [L, d/2], computed in float64.</summary>
    private (float[] Cos, float[] Sin) Tables(int length, int positionOffset)
    {
        int half = HeadSize / 2;
        var cos = new float[length * half];
        var sin = new float[length * half];
        for (int l = 0; l < length; l++)
        {
            for (int i = 0; i < half; i++)
            {
                double angle = (positionOffset + l) * Math.Pow(FrequencyBase, -2.0 * i / HeadSize);
                cos[l * half + i] = (float)Math.Cos(angle);
                sin[l * half + i] = (float)Math.Sin(angle);
            }
        }
        return (cos, sin);
    }

    private static void Rotate(float[] source, float[] target, float[] cos, float[] sin, int length, int half, float sign)
    {
        int d = 2 * half, rows = source.Length / d;
        for (int row = 0; row < rows; row++)
        {
            int start = row * d, table = row % length * half;
            for (int i = 0; i < half; i++)
            {
                float a = source[start + i], b = source[start + half + i];
                float c = cos[table + i], s = sign * sin[table + i];
                target[start + i] = a * c - b * s;
                target[start + half + i] = b * c + a * s;
            }
        }
    }
}
