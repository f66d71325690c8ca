using System.Text.Json;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// Loads a model folder in the official open-unmix-pytorch layout (what <c>openunmix.utils.load_separator</c> reads):
/// <c>separator.json</c> (sample_rate, nfft, nhop, nb_channels), and per target <c>&lt;target&gt;.json</c> (training
/// <c>args</c>: hidden_size, nb_channels, nfft, bandwidth, nb_layers, unidirectional) beside <c>&lt;target&gt;*.pth</c>.
/// </summary>
public static class OpenUnmixFolder
{
    private const string SeparatorFile = "separator.json";
    private static readonly string[] PreferredOrder = ["vocals", "drums", "bass", "other"];

    /// <summary>True when <paramref name="folder"/> holds a separator.json and at least one target's json + pth.</summary>
    public static bool IsOfficialFolder(string folder) =>
        Directory.Exists(folder) && File.Exists(Path.Combine(folder, SeparatorFile)) && Targets(folder).Count > 0;

    /// <summary>Loads every target of the folder into one model named after the folder.</summary>
    /// <exception cref="ModelFileException">A json file is malformed or a target's files disagree.</exception>
    public static OpenUnmixModel Load(string folder)
    {
        var targets = Targets(folder);
        if (targets.Count == 0) throw new ModelFileException(folder, "no <target>.json beside a <target>*.pth (the open-unmix layout).");
        using JsonDocument separator = ReadJson(Path.Combine(folder, SeparatorFile));
        int sampleRate = (int)Math.Round(Number(separator.RootElement, "sample_rate", 44100));
        OpenUnmixHyperParameters? shared = null;
        foreach (var (target, _) in targets)
        {
            string path = Path.Combine(folder, target + ".json");
            using JsonDocument card = ReadJson(path);
            var hyperParameters = FromArgs(card.RootElement.TryGetProperty("args", out var args) ? args : card.RootElement, sampleRate);
            if (shared is not null && shared != hyperParameters) throw new ModelFileException(path, "its settings differ from the other targets'.");
            shared = hyperParameters;
        }
        string name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        OpenUnmixModel model = OpenUnmixFamily.FromPth(name, targets, shared!, card => card with
        {
            SampleRate = sampleRate,
            Stft = new StftSettings((shared!.BinCount - 1) * 2, (int)Number(separator.RootElement, "nhop", 1024)),
            Description = $"open-unmix folder {folder}",
            Sources = [.. targets.Select(t => new SourceFile(Path.GetFullPath(t.Path), Sha256Of(t.Path), "computed from the local file"))],
        });
        return model;
    }

    private static OpenUnmixHyperParameters FromArgs(JsonElement args, int sampleRate)
    {
        int fftSize = (int)Number(args, "nfft", 4096);
        return new OpenUnmixHyperParameters
        {
            BinCount = fftSize / 2 + 1,
            MaxBin = OpenUnmixHyperParameters.MaxBinFor(sampleRate, fftSize, Number(args, "bandwidth", 16000)),
            ChannelCount = (int)Number(args, "nb_channels", 2),
            HiddenSize = (int)Number(args, "hidden_size", 512),
            LayerCount = (int)Number(args, "nb_layers", 3),
            Unidirectional = args.TryGetProperty("unidirectional", out var u) && u.ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>Targets with a json and a pth, vocals/drums/bass/other first.</summary>
    private static List<(string Target, string Path)> Targets(string folder)
    {
        var result = new List<(string, string)>();
        foreach (string json in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            string target = Path.GetFileNameWithoutExtension(json);
            if (target == Path.GetFileNameWithoutExtension(SeparatorFile)) continue;
            string? pth = Directory.GetFiles(folder, target + "*.pth").Order(StringComparer.Ordinal).FirstOrDefault();
            if (pth is not null) result.Add((target, pth));
        }
        return [.. result.OrderBy(t => Array.IndexOf(PreferredOrder, t.Item1) is int i && i >= 0 ? i : PreferredOrder.Length)];
    }

    private static string Sha256Of(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"not valid JSON: {e.Message}", e);
        }
    }

    private static double Number(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : fallback;
}
