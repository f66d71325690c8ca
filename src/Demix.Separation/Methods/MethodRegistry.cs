using Demix.Separation.Methods.Center;
using Demix.Separation.Methods.Hpss;
using Demix.Separation.Methods.Karaoke;
using Demix.Separation.Methods.Repet;
using Demix.Separation.Methods.RepetSim;
using Demix.Separation.Methods.Rpca;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Methods;

/// <summary>
/// The classic methods by name, as an explicit map (no reflection). Later families (models, REPET, HPSS,
/// RPCA) add their entries here.
/// </summary>
public static class MethodRegistry
{
    /// <summary>The method used when none is named.</summary>
    public const string DefaultMethod = CenterMethod.MethodName;

    private static readonly (string Name, string Description, Func<MethodSettings, ISeparationMethod> Create)[] entries =
    [
        (CenterMethod.MethodName, "frequency-domain centre extraction (Avendano & Jot 2004), stereo-preserving",
            settings => new CenterMethod(settings.Center)),
        (InvertKaraokeMethod.MethodName, "invert one channel and sum: cancels centre-panned vocals (mid/side)",
            _ => new InvertKaraokeMethod()),
        (RepetSimMethod.MethodName, "REPET-SIM (Rafii & Pardo 2012), similar frames searched within a 60 s window",
            settings => new RepetSimMethod(settings.RepetSim)),
        (RepetMethod.MethodName, "REPET (Rafii & Pardo 2013): beat-spectrum period, median repeating model, soft mask, 100 Hz high-pass",
            _ => RepetMethod.Create()),
        (HpssMethod.MethodName, "median-filtering HPSS (FitzGerald 2010): vocals = harmonic part above 100 Hz",
            _ => HpssMethod.Create()),
        (RpcaMethod.MethodName, "robust PCA (Huang et al. 2012): inexact ALM, binary mask |S| > |L|",
            _ => RpcaMethod.Create()),
    ];

    /// <summary>Every method name, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. entries.Select(e => e.Name)];

    /// <summary>A one-line description of <paramref name="name"/>.</summary>
    public static string Describe(string name) => Find(name).Description;

    /// <summary>True when <paramref name="name"/> names a method (case-insensitive).</summary>
    public static bool Contains(string name) => entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates the method called <paramref name="name"/> with <paramref name="settings"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones) or a setting is out of range.</exception>
    public static ISeparationMethod Create(string name, MethodSettings? settings = null) => Find(name).Create(settings ?? new MethodSettings());

    private static (string Name, string Description, Func<MethodSettings, ISeparationMethod> Create) Find(string name)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) return entry;
        }
        throw new ArgumentException($"Unknown method '{name}'; choose one of: {string.Join(", ", Names)}.", nameof(name));
    }
}
