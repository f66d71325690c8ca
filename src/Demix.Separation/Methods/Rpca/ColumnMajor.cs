using System.Numerics.Tensors;

namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// The few float64 products RPCA needs, on column-major arrays (element (row, column) at column * rows + row):
/// each is a loop of vectorised dot products or axpys (TensorPrimitives) split over the cores by output column.
/// </summary>
internal static class ColumnMajor
{
    /// <summary>gram[cols, cols] = a^T a for a[rows, cols]; symmetric, both triangles written.</summary>
    public static void Gram(double[] a, int rows, int cols, double[] gram)
    {
        Parallel.For(0, cols, i =>
        {
            ReadOnlySpan<double> left = a.AsSpan(i * rows, rows);
            for (int j = i; j < cols; j++)
            {
                double dot = TensorPrimitives.Dot(left, a.AsSpan(j * rows, rows));
                gram[j * cols + i] = dot;
                gram[i * cols + j] = dot;
            }
        });
    }

    /// <summary>c[rows, cols] = a[rows, inner] b[inner, cols]; c is overwritten.</summary>
    public static void Multiply(double[] a, int rows, int inner, double[] b, int cols, double[] c)
    {
        Parallel.For(0, cols, column =>
        {
            Span<double> target = c.AsSpan(column * rows, rows);
            target.Clear();
            for (int j = 0; j < inner; j++)
            {
                double weight = b[column * inner + j];
                if (weight != 0) TensorPrimitives.MultiplyAdd(a.AsSpan(j * rows, rows), weight, target, target);
            }
        });
    }

    /// <summary>c[rows, cols] = a[rows, inner] diag(scale) b[cols, inner]^T; c is overwritten.</summary>
    public static void MultiplyScaledTransposed(double[] a, int rows, int inner, double[] scale, double[] b, int cols, double[] c)
    {
        Parallel.For(0, cols, column =>
        {
            Span<double> target = c.AsSpan(column * rows, rows);
            target.Clear();
            for (int j = 0; j < inner; j++)
            {
                double weight = scale[j] * b[j * cols + column];
                if (weight != 0) TensorPrimitives.MultiplyAdd(a.AsSpan(j * rows, rows), weight, target, target);
            }
        });
    }

    /// <summary>c[colsA, colsB] = a[rows, colsA]^T b[rows, colsB]; c is overwritten.</summary>
    public static void TransposeMultiply(double[] a, int rows, int colsA, double[] b, int colsB, double[] c)
    {
        Parallel.For(0, colsB, column =>
        {
            ReadOnlySpan<double> right = b.AsSpan(column * rows, rows);
            for (int i = 0; i < colsA; i++) c[column * colsA + i] = TensorPrimitives.Dot(a.AsSpan(i * rows, rows), right);
        });
    }

    /// <summary>The transpose of a[rows, cols] as a column-major [cols, rows] array.</summary>
    public static double[] Transpose(double[] a, int rows, int cols)
    {
        var result = new double[a.Length];
        for (int column = 0; column < cols; column++)
            for (int row = 0; row < rows; row++) result[row * cols + column] = a[column * rows + row];
        return result;
    }
}
