namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// The SiSEC 2018 oracle baselines (sigsep-mus-oracle) by name, as an explicit map: IRM1 / IRM2 (ratio masks of
/// magnitudes / powers), IBM1 / IBM2 (source-to-mixture ratios of magnitudes / powers thresholded at 0.5) and MWF
/// (multichannel Wiener filter with the true spectra and spatial covariances). All use scipy's STFT convention,
/// 2048-sample Hann window, 50 % overlap.
/// </summary>
public static class OracleMethods
{
    private static readonly (string Name, string Description, Func<IOracleMethod> Create)[] entries =
    [
        ("irm1", "oracle ratio mask of magnitudes, |S_j| / sum |S_k| (SiSEC 2018 IRM1)", () => new OracleMaskMethod("irm1", 1, null)),
        ("irm2", "oracle ratio mask of powers, |S_j|^2 / sum |S_k|^2 (SiSEC 2018 IRM2)", () => new OracleMaskMethod("irm2", 2, null)),
        ("ibm1", "oracle binary mask, |S_j| / |X| > 0.5 (SiSEC 2018 IBM1)", () => new OracleMaskMethod("ibm1", 1, 0.5)),
        ("ibm2", "oracle binary mask, |S_j|^2 / |X|^2 > 0.5 (SiSEC 2018 IBM2)", () => new OracleMaskMethod("ibm2", 2, 0.5)),
        ("mwf", "oracle multichannel Wiener filter from the true spectra and spatial covariances (SiSEC 2018 MWF)", () => new OracleWienerMethod()),
    ];

    /// <summary>Every oracle name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. entries.Select(e => e.Name)];

    /// <summary>True when <paramref name="name"/> names an oracle (case-insensitive).</summary>
    public static bool Contains(string name) => entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-line description.</summary>
    public static string Describe(string name) => Find(name).Description;

    /// <summary>Creates the oracle called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static IOracleMethod Create(string name) => Find(name).Create();

    private static (string Name, string Description, Func<IOracleMethod> Create) Find(string name)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) return entry;
        }
        throw new ArgumentException($"Unknown oracle '{name}'; choose one of: {string.Join(", ", Names)}.", nameof(name));
    }
}
