namespace Demix.Separation.Pipeline;

/// <summary>
/// A configured separation method: it declares the rate and channel count it works at and the stems it
/// produces, and opens one <see cref="ISeparationStream"/> per track. The pipeline resamples and maps
/// channels around it, so a method only ever sees its own format.
/// </summary>
public interface ISeparationMethod
{
    /// <summary>The name users type after <c>--method</c>, e.g. <c>center</c>.</summary>
    string Name { get; }

    /// <summary>The rate in Hz the method works at, or null when it works at any rate (no resampling needed).</summary>
    int? SampleRate { get; }

    /// <summary>Channels the method processes (2 for stereo methods); mono input is duplicated to reach it.</summary>
    int ChannelCount { get; }

    /// <summary>Stem names in output order, e.g. <c>["vocals", "accompaniment"]</c>.</summary>
    IReadOnlyList<string> Stems { get; }

    /// <summary>Opens a stream for one track at <paramref name="sampleRate"/> Hz with <see cref="ChannelCount"/> channels.</summary>
    ISeparationStream Open(int sampleRate);
}
