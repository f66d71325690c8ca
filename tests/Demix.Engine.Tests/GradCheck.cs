using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests;

/// <summary>
/// Finite-difference gradient check in float32: the loss is L = sum(R * f(inputs)) with a fixed random R; the
/// analytic gradient comes from Backward(R), the numeric one from central differences of L (summed in float64).
/// </summary>
public static class GradCheck
{
    /// <summary>Checks dL/dinput for every input that requires grad.</summary>
    /// <param name="function">The op under test.</param>
    /// <param name="step">Central-difference step (keep inputs further than this from kinks).</param>
    /// <param name="tolerance">Allowed error relative to max(|numeric|, 1 % of the tensor's largest numeric value) plus 1e-3 of that scale.</param>
    public static void Check(Func<Tensor[], Tensor> function, Tensor[] inputs, float step = 1e-2f, double tolerance = 2e-2, int seed = 12345)
    {
        foreach (var input in inputs) input.ZeroGrad();
        var output = function(inputs);
        var r = TensorFactory.Randn(new Random(seed), output.Shape);
        output.Backward(r.Data);
        for (int k = 0; k < inputs.Length; k++)
        {
            var input = inputs[k];
            if (!input.RequiresGrad) continue;
            Assert.True(input.Grad is not null, $"input {k} received no gradient");
            var numeric = NumericGradient(function, inputs, input, r.Data, step);
            Compare(input.Grad!, numeric, tolerance, $"input {k} {input.ShapeText}");
        }
    }

    private static double[] NumericGradient(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor input, float[] r, float step)
    {
        var numeric = new double[input.Length];
        using var noGrad = new NoGradScope();
        for (int i = 0; i < input.Length; i++)
        {
            float original = input.Data[i];
            input.Data[i] = original + step;
            double plus = Loss(function(inputs), r);
            input.Data[i] = original - step;
            double minus = Loss(function(inputs), r);
            input.Data[i] = original;
            double actualStep = ((double)(original + step) - (original - step));
            numeric[i] = (plus - minus) / actualStep;
        }
        return numeric;
    }

    private static double Loss(Tensor output, float[] r)
    {
        double sum = 0;
        for (int i = 0; i < r.Length; i++) sum += (double)output.Data[i] * r[i];
        return sum;
    }

    private static void Compare(float[] analytic, double[] numeric, double tolerance, string what)
    {
        double scale = Math.Max(numeric.Max(Math.Abs), 1e-3);
        for (int i = 0; i < numeric.Length; i++)
        {
            double floor = Math.Max(Math.Abs(numeric[i]), 0.01 * scale);
            double error = Math.Abs(analytic[i] - numeric[i]);
            Assert.True(error <= tolerance * floor + 1e-3 * scale,
                $"{what}: element {i} analytic {analytic[i]} numeric {numeric[i]} (error {error:E2}, scale {scale:E2})");
        }
    }
}
