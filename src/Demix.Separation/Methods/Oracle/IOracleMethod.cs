namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// A separation that needs the true sources (an upper bound for evaluation only, never usable on a real song).
/// Signals are planar float32 <c>[channel][sample]</c>, all of one length; the mixture is the sum of the sources.
/// </summary>
public interface IOracleMethod
{
    /// <summary>The name after <c>--method</c> (e.g. <c>irm1</c>).</summary>
    string Name { get; }

    /// <summary>One estimate per source, same names, same shape as the mixture.</summary>
    /// <param name="mixture">The mixture, <c>[channel][sample]</c>.</param>
    /// <param name="sources">The true sources by name, each <c>[channel][sample]</c> like the mixture.</param>
    IReadOnlyDictionary<string, float[][]> Separate(float[][] mixture, IReadOnlyDictionary<string, float[][]> sources);
}
