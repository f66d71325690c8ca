namespace Demix.Engine.Kernels;

/// <summary>The degenerate product (k = 0 or alpha = 0): C = beta * C, and C = 0 when beta is 0.</summary>
internal static unsafe class GemmScale
{
    public static void ScaleC(in GemmArgs g)
    {
        for (int i = 0; i < g.M; i++)
        {
            var row = new Span<float>(g.C + i * g.Ldc, g.N);
            if (g.Beta == 0f)
            {
                row.Clear();
            }
            else if (g.Beta != 1f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, g.Beta, row);
            }
        }
    }
}
