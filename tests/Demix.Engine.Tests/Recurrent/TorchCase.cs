using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;
using Demix.Engine.Tensors;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Recurrent;

/// <summary>
/// One PyTorch reference case from <c>../shared/fixtures/nn</c>: tensors by name and the README's
/// comparison (max |got − ref| / max(|ref|, 1 % of max |ref|) below 1e-4 forward, 1e-3 for gradients).
/// </summary>
internal sealed class TorchCase
{
    /// <summary>Forward tolerance from the fixture README.</summary>
    public const double ForwardTolerance = 1e-4;

    /// <summary>Gradient tolerance from the fixture README.</summary>
    public const double GradientTolerance = 1e-3;

    private readonly NamedTensorSet set;

    public TorchCase(string name) => set = SafetensorsReader.Read(RepositoryPaths.Fixture("nn", name + ".safetensors"));

    public IEnumerable<string> Names => set.Names;

    /// <summary>A fresh tensor (copy) of a stored value.</summary>
    public Tensor Get(string name, bool requiresGrad = false)
    {
        var data = set[name];
        var tensor = new Tensor((int[])data.Shape.Clone(), (float[])data.Data.Clone()) { RequiresGrad = requiresGrad };
        return tensor;
    }

    /// <summary>Copies every <c>param.&lt;prefix&gt;&lt;name&gt;</c> into the matching parameter; all must be present and used.</summary>
    public void LoadParameters(IEnumerable<(string Name, Tensor Tensor)> parameters, string prefix = "")
    {
        int loaded = 0;
        foreach (var (name, parameter) in parameters)
        {
            var stored = set["param." + prefix + name];
            Assert.Equal(stored.Shape, parameter.Shape);
            stored.Data.CopyTo(parameter.Data, 0);
            loaded++;
        }
        Assert.Equal(set.Names.Count(n => n.StartsWith("param." + prefix, StringComparison.Ordinal)), loaded);
    }

    /// <summary>L = Σ_k sum(O_k ⊙ R_k) over the given (output name, tensor) pairs.</summary>
    public Tensor Loss(params (string Name, Tensor Output)[] outputs)
    {
        Tensor? loss = null;
        foreach (var (name, output) in outputs)
        {
            string weight = name == "output" ? "R" : "R." + name["output.".Length..];
            var term = (output * Get(weight)).Sum();
            loss = loss is null ? term : loss + term;
        }
        return loss!;
    }

    /// <summary>Asserts the README metric for a forward value.</summary>
    public void AssertForward(string name, Tensor actual) => AssertClose(name, actual.Shape, actual.Data, ForwardTolerance);

    /// <summary>Asserts the README metric for <c>grad.&lt;name&gt;</c>.</summary>
    public void AssertGradient(string name, Tensor tensor)
    {
        Assert.True(tensor.Grad is not null, $"{name} received no gradient");
        AssertClose("grad." + name, tensor.Shape, tensor.Grad!, GradientTolerance);
    }

    public void AssertClose(string name, int[] shape, float[] actual, double tolerance)
    {
        var reference = set[name];
        Assert.Equal(reference.Shape, shape);
        double error = RelativeError(actual, reference.Data);
        Assert.True(error < tolerance, $"{name}: relative error {error:E2} ≥ {tolerance:E0}");
    }

    /// <summary>max_i |a_i − r_i| / max(|r_i|, 0.01 · max_j |r_j|).</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> reference)
    {
        double scale = 0;
        foreach (float r in reference) scale = Math.Max(scale, Math.Abs(r));
        double worst = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double floor = Math.Max(Math.Abs(reference[i]), 0.01 * scale);
            if (floor == 0) floor = 1e-30;
            worst = Math.Max(worst, Math.Abs(actual[i] - reference[i]) / floor);
        }
        return worst;
    }
}
