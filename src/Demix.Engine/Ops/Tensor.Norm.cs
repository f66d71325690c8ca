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
        var data = new float[Length];
        var invStd = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = Data.AsSpan(r * rowLength, rowLength);
            double sum = 0;
            foreach (float v in row) sum += v;
            double mean = sum / rowLength, squares = 0;
            foreach (float v in row) squares += (v - mean) * (v - mean);
            float inv = (float)(1.0 / Math.Sqrt(squares / rowLength + eps));
            invStd[r] = inv;
            for (int i = 0; i < rowLength; i++) data[r * rowLength + i] = (float)((row[i] - mean) * inv);
        }
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                // dx = invStd * (g - mean(g) - y * mean(g * y)) per row
                var dx = new float[Length];
                for (int r = 0; r < rows; r++)
                {
                    int start = r * rowLength;
                    double g = 0, gy = 0;
                    for (int i = start; i < start + rowLength; i++)
                    {
                        g += grad[i];
                        gy += grad[i] * data[i];
                    }
                    float meanG = (float)(g / rowLength), meanGy = (float)(gy / rowLength);
                    for (int i = start; i < start + rowLength; i++) dx[i] = invStd[r] * (grad[i] - meanG - data[i] * meanGy);
                }
                AccumulateGradOwned(dx);
            });
        }
        return output;
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
