using System.Text.Json;
using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;
using Demix.Engine.Tensors;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Fixtures;

/// <summary>
/// One case of ../shared/fixtures/nn: its tensors (inputs, parameters, outputs, R, gradients) as engine tensors,
/// its JSON sidecar, and the README's comparison rule.
/// </summary>
public sealed class NnFixture
{
    /// <summary>Forward values, running statistics and optimiser parameters/states.</summary>
    public const double ForwardTolerance = 1e-4;

    /// <summary>Gradients and optimiser deltas.</summary>
    public const double GradientTolerance = 1e-3;

    private readonly NamedTensorSet tensors;

    private NnFixture(string name, NamedTensorSet tensors, JsonElement sidecar)
    {
        Name = name;
        this.tensors = tensors;
        Sidecar = sidecar;
    }

    /// <summary>The case name, e.g. "conv2d_a_k5_s2_tfsame".</summary>
    public string Name { get; }

    /// <summary>The parsed sidecar JSON.</summary>
    public JsonElement Sidecar { get; }

    /// <summary>The sidecar's hyper_parameters object.</summary>
    public JsonElement Hyper => Sidecar.GetProperty("hyper_parameters");

    /// <summary>The sidecar's mode: "train", "eval" or null.</summary>
    public string? Mode => Sidecar.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String ? mode.GetString() : null;

    /// <summary>Loads a case by name.</summary>
    public static NnFixture Load(string name)
    {
        var tensors = SafetensorsReader.Read(RepositoryPaths.Fixture("nn", name + ".safetensors"));
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture("nn", name + ".json")));
        return new NnFixture(name, tensors, json.RootElement.Clone());
    }

    /// <summary>Names of every stored tensor.</summary>
    public IEnumerable<string> Names => tensors.Names;

    /// <summary>A fresh tensor (own copy of the data) for a stored name.</summary>
    public Tensor Get(string name, bool requiresGrad = false)
    {
        var data = tensors[name];
        return new Tensor((int[])data.Shape.Clone(), (float[])data.Data.Clone()) { RequiresGrad = requiresGrad };
    }

    /// <summary>Every "param.*" and "buffer.*" entry keyed by its state_dict name (prefix removed).</summary>
    public Dictionary<string, Tensor> StateDict() => tensors.Names
        .Where(n => n.StartsWith("param.", StringComparison.Ordinal) || n.StartsWith("buffer.", StringComparison.Ordinal))
        .ToDictionary(n => n[(n.IndexOf('.') + 1)..], n => Get(n));

    /// <summary>Back-propagates L = sum over outputs of sum(output_k * R_k).</summary>
    public void Backward(Tensor output, string outputName = "output")
    {
        string rName = outputName == "output" ? "R" : "R" + outputName["output".Length..];
        var r = tensors[rName];
        Assert.Equal(output.Length, r.Data.Length);
        output.Backward(r.Data);
    }

    /// <summary>Asserts the README metric: max |got - ref| / max(|ref|, 1 % of max |ref|) below the tolerance.</summary>
    public void AssertClose(string referenceName, ReadOnlySpan<float> actual, double tolerance)
    {
        var reference = tensors[referenceName].Data;
        Assert.True(reference.Length == actual.Length, $"{Name}/{referenceName}: {actual.Length} values, reference has {reference.Length}");
        double floor = 0.01 * reference.Max(v => Math.Abs((double)v));
        double worst = double.NaN;
        int worstIndex = -1;
        for (int i = 0; i < reference.Length; i++)
        {
            double rel = Math.Abs(actual[i] - (double)reference[i]) / Math.Max(Math.Abs((double)reference[i]), Math.Max(floor, 1e-30));
            if (!(rel <= worst)) (worst, worstIndex) = (rel, i);
        }
        if (worst < tolerance) return;
        Assert.Fail($"{Name}/{referenceName}: relative error {worst:E3} at {worstIndex} (got {actual[worstIndex]}, reference {reference[worstIndex]}), tolerance {tolerance:E1}");
    }

    /// <summary>Compares a forward value.</summary>
    public void AssertForward(string referenceName, Tensor actual)
    {
        Assert.Equal(tensors[referenceName].Shape, actual.Shape);
        AssertClose(referenceName, actual.Data, ForwardTolerance);
    }

    /// <summary>Compares a gradient with "grad.&lt;name&gt;".</summary>
    public void AssertGrad(string name, Tensor tensor)
    {
        Assert.True(tensor.Grad is not null, $"{Name}: {name} received no gradient");
        AssertClose("grad." + name, tensor.Grad!, GradientTolerance);
    }

    /// <summary>Reads an int array hyper-parameter (e.g. "kernel_size").</summary>
    public int[] Ints(string property) => Hyper.GetProperty(property).EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
