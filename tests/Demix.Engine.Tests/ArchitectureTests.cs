using Demix.Engine.Kernels;

namespace Demix.Engine.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void EngineAssembly_ReferencesNoOtherDemixAssembly()
    {
        var referenced = typeof(Gemm).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(referenced, name => name.StartsWith("Demix", StringComparison.Ordinal));
    }
}
