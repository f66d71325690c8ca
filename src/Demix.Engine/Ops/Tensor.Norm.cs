using System.Numerics.Tensors;
using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Layer, group and instance normalisation: a row normaliser plus a broadcast affine map.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Normalises each row of [rows, rowLength] (the tensor read row-major) to zero mean and unit biased variance:
    /// (x - mean) / sqrt(var + eps). Same shape as the input.
    /// </summary>
    public Tensor NormalizeRows(int rowLength, float eps = 1e-5f)
    {
        if (rowLength <= 0 || Length % rowLength != 0) throw new ArgumentException($"Row length {rowLength} does not divide {ShapeText}.");
        int rows = Length / rowLength;
        var data = Buffers.Uninitialized(Length);
        var invStd = new float[rows];
        var input = Data;
        ForEachRowRange(rows, rowLength, r =>
        {
            var y = data.AsSpan(r * rowLength, rowLength);
            float mean = (float)((double)TensorPrimitives.Sum(input.AsSpan(r * rowLength, rowLength)) / rowLength);
            TensorPrimitives.Subtract(input.AsSpan(r * rowLength, rowLength), mean, y);
            invStd[r] = (float)(1.0 / Math.Sqrt(TensorPrimitives.SumOfSquares(y) / (double)rowLength + eps));
            TensorPrimitives.Multiply(y, invStd[r], y);
        });
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                // dx = invStd * (g - mean(g) - y * mean(g * y)) per row
                var dx = Buffers.Uninitialized(Length);
                ForEachRowRange(rows, rowLength, r =>
                {
                    var g = grad.AsSpan(r * rowLength, rowLength);
                    var y = data.AsSpan(r * rowLength, rowLength);
                    var d = dx.AsSpan(r * rowLength, rowLength);
                    float meanG = TensorPrimitives.Sum(g) / rowLength, meanGy = TensorPrimitives.Dot(g, y) / rowLength;
                    TensorPrimitives.Subtract(g, meanG, d);
                    TensorPrimitives.MultiplyAdd(y, -meanGy, d, d);
                    TensorPrimitives.Multiply(d, invStd[r], d);
                });
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>Calls row(r) for every row; long tensors are split across the cores by rows (rows are independent).</summary>
    private static void ForEachRowRange(int rows, int rowLength, Action<int> row)
    {
        int minRows = Math.Max(1, ParallelLoop.MinParallelLength / Math.Max(rowLength, 1));
        ParallelLoop.For(rows, (first, count) =>
        {
            for (int r = first; r < first + count; r++) row(r);
        }, minRows);
    }

    /// <summary>
    /// Layer normalisation over the last <paramref name="normalizedAxes"/> axes, then weight * y + bias
    /// (weight and bias have the shape of those axes, or are null).
    /// </summary>
    public static Tensor LayerNorm(Tensor x, int normalizedAxes, Tensor? weight, Tensor? bias, float eps = 1e-5f)
    {
        int rowLength = ShapeMath.Product(x.Shape, x.Rank - normalizedAxes, x.Rank);
        var y = x.NormalizeRows(rowLength, eps);
        if (weight is not null) y = y * weight;
        if (bias is not null) y = y + bias;
        return y;
    }

    /// <summary>
    /// Group normalisation of x [N, C, *]: statistics per (sample, group of C / groups consecutive channels) over
    /// those channels and all positions, then a per-channel affine map (weight, bias: [C] or null).
    /// </summary>
    public static Tensor GroupNorm(Tensor x, int groups, Tensor? weight, Tensor? bias, float eps = 1e-5f)
    {
        if (x.Rank < 2 || x.Shape[1] % groups != 0) throw new ArgumentException($"GroupNorm: {groups} groups do not divide the channels of {x.ShapeText}.");
        int channels = x.Shape[1];
        var y = x.NormalizeRows(x.Length / (x.Shape[0] * groups), eps);
        return ChannelAffine(y, channels, weight, bias);
    }

    /// <summary>Instance normalisation of x [N, C, *]: statistics per (sample, channel) over positions; optional per-channel affine.</summary>
    public static Tensor InstanceNorm(Tensor x, Tensor? weight, Tensor? bias, float eps = 1e-5f) =>
        GroupNorm(x, x.Shape[1], weight, bias, eps);

    /// <summary>y * weight[c] + bias[c] along axis 1 of [N, C, *].</summary>
    private static Tensor ChannelAffine(Tensor y, int channels, Tensor? weight, Tensor? bias)
    {
        // [C] -> [C, 1, ..., 1] so that it broadcasts along axis 1 of [N, C, *].
        var affineShape = new int[y.Rank - 1];
        Array.Fill(affineShape, 1);
        affineShape[0] = channels;
        if (weight is not null) y = y * weight.Reshape(affineShape);
        if (bias is not null) y = y + bias.Reshape(affineShape);
        return y;
    }
}
