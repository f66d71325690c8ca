using System.Text.Json;
using Demix.Audio;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>One case of the mir_eval fixtures, loaded as mir_eval.io.load_wav does (channels averaged to mono).</summary>
internal sealed class MirEvalCase
{
    private static readonly JsonElement Cases = FixtureFiles.ReadJson(FixtureFiles.BssEval("mir_eval", "cases.json")).GetProperty("cases");

    private MirEvalCase(JsonElement description)
    {
        Description = description;
        References = LoadDirectory(description.GetProperty("ref_dir").GetString()!);
        Estimates = LoadDirectory(description.GetProperty("est_dir").GetString()!);
        Expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("mir_eval", description.GetProperty("expected").GetString()!));
    }

    public JsonElement Description { get; }

    /// <summary>Mono reference sources, [source][sample].</summary>
    public double[][] References { get; }

    /// <summary>Mono estimates, [source][sample].</summary>
    public double[][] Estimates { get; }

    /// <summary>The expected output JSON (blocks Sources, Framewise, Images, Images Framewise).</summary>
    public JsonElement Expected { get; }

    /// <summary>Every (case, block) pair that cases.json marks valid.</summary>
    public static IEnumerable<object[]> ValidBlocks()
    {
        foreach (JsonElement description in Cases.EnumerateArray())
            foreach (JsonElement block in description.GetProperty("valid_blocks").EnumerateArray())
                yield return [description.GetProperty("case").GetString()!, block.GetString()!];
    }

    public static MirEvalCase Load(string name)
    {
        return new MirEvalCase(Cases.EnumerateArray().Single(c => c.GetProperty("case").GetString() == name));
    }

    /// <summary>
    /// Image signals as the upstream test builds them: the reference copied into every channel; the estimate in
    /// channel 0 and gain x estimate in the others.
    /// </summary>
    public static (double[][][] References, double[][][] Estimates) Images(double[][] references, double[][] estimates, int channels, double gain)
    {
        var refImages = references.Select(r => Enumerable.Range(0, channels).Select(_ => r).ToArray()).ToArray();
        var estImages = estimates.Select(e => Enumerable.Range(0, channels)
            .Select(c => c == 0 ? e : e.Select(v => gain * v).ToArray()).ToArray()).ToArray();
        return (refImages, estImages);
    }

    private static double[][] LoadDirectory(string relative)
    {
        string directory = FixtureFiles.BssEval("mir_eval", relative);
        return Directory.GetFiles(directory, "*.wav").Order(StringComparer.Ordinal).Select(LoadMono).ToArray();
    }

    private static double[] LoadMono(string path)
    {
        var waveform = WavReader.Read(path);
        var mono = new double[waveform.FrameCount];
        for (int n = 0; n < mono.Length; n++)
        {
            double sum = 0;
            for (int c = 0; c < waveform.ChannelCount; c++) sum += waveform.Channels[c][n];
            mono[n] = sum / waveform.ChannelCount;
        }
        return mono;
    }
}
