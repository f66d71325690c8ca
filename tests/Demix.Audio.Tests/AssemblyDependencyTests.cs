namespace Demix.Audio.Tests;

public sealed class AssemblyDependencyTests
{
    [Fact]
    public void DemixAudio_ReferencesNoOtherDemixAssembly()
    {
        string[] references = [.. typeof(Waveform).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];

        Assert.DoesNotContain(references, name => name.StartsWith("Demix", StringComparison.Ordinal));
        Assert.Contains("System.Numerics.Tensors", references);
    }
}
