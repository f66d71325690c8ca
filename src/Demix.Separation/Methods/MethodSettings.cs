using Demix.Separation.Methods.Center;
using Demix.Separation.Methods.RepetSim;

namespace Demix.Separation.Methods;

/// <summary>The parameters of every classic method; each method reads its own part.</summary>
public sealed record MethodSettings
{
    /// <summary>Parameters of <c>center</c>.</summary>
    public CenterOptions Center { get; init; } = new();

    /// <summary>Parameters of <c>repet-sim</c>.</summary>
    public RepetSimOptions RepetSim { get; init; } = new();
}
