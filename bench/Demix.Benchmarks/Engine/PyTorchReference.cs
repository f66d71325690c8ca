using System.Text.Json;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The PyTorch figures of ../shared/bench/pytorch-cpu.json (runs → config → section → key → median_s),
/// found by walking up from the working and the program directory. Missing file: every value is null.
/// </summary>
public sealed class PyTorchReference
{
    private readonly JsonDocument? document;

    private PyTorchReference(JsonDocument? document) => this.document = document;

    public static PyTorchReference Load()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", "bench", "pytorch-cpu.json"),
                             Path.Combine(dir.FullName, "..", "shared", "bench", "pytorch-cpu.json") })
                {
                    if (File.Exists(candidate))
                    {
                        return new PyTorchReference(JsonDocument.Parse(File.ReadAllText(candidate)));
                    }
                }
            }
        }

        return new PyTorchReference(null);
    }

    /// <summary>Median seconds of one run for config (e.g. tuned_t2), section (sgemm/conv), key and part (fwd/fwd_bwd or "").</summary>
    public double? Value(string config, string section, string key, string part)
    {
        if (document is null || !document.RootElement.TryGetProperty("runs", out var runs)
            || !runs.TryGetProperty(config, out var run) || !run.TryGetProperty(section, out var sec)
            || !sec.TryGetProperty(key, out var entry))
        {
            return null;
        }

        if (part.Length > 0 && !entry.TryGetProperty(part, out entry))
        {
            return null;
        }

        return entry.TryGetProperty("median_s", out var median) ? median.GetDouble() : null;
    }
}
