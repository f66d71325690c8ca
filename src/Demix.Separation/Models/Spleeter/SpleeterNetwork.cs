using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// Spleeter's multi-instrument model: one <see cref="SpleeterUNet"/> per instrument, children named by the
/// instrument (state-dict keys such as <c>vocals.conv0.weight</c>), in the order of <c>instrument_list</c>,
/// which is also the order of the U-Nets in the TensorFlow graph (and so of the checkpoint's layer numbers).
/// </summary>
public sealed class SpleeterNetwork : Module
{
    /// <summary>Builds one U-Net per instrument with weights from <paramref name="random"/>.</summary>
    public SpleeterNetwork(IReadOnlyList<string> instruments, SpleeterHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        if (instruments.Count == 0) throw new ArgumentException("Spleeter needs at least one instrument.", nameof(instruments));
        Instruments = instruments;
        HyperParameters = hyperParameters;
        UNets = [.. instruments.Select(name => Register(name, new SpleeterUNet(hyperParameters, random)))];
    }

    /// <summary>Instrument names in graph order.</summary>
    public IReadOnlyList<string> Instruments { get; }

    /// <summary>The shared parameters.</summary>
    public SpleeterHyperParameters HyperParameters { get; }

    /// <summary>The U-Nets in instrument order.</summary>
    public IReadOnlyList<SpleeterUNet> UNets { get; }

    /// <summary>Every instrument's estimated magnitude.</summary>
    /// <param name="input">Mixture magnitude segments, [segments, channels, T, F].</param>
    /// <returns>One [segments, channels, T, F] tensor per instrument.</returns>
    public Tensor[] Forward(Tensor input) => [.. UNets.Select(u => u.Forward(input))];
}
