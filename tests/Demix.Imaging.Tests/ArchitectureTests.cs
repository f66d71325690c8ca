namespace Demix.Imaging.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void ImagingAssembly_ReferencesNoOtherDemixAssembly()
    {
        var referenced = typeof(PixelImage).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(referenced, name => name.StartsWith("Demix", StringComparison.Ordinal));
    }
}
