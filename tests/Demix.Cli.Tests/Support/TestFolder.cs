using Demix.Audio;

namespace Demix.Cli.Tests.Support;

/// <summary>A fresh temporary folder with helpers to write inputs; deleted on dispose.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "demix-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Every file below <paramref name="relative"/>, relative to it, sorted (hidden temporaries included).</summary>
    public string[] FilesUnder(string relative)
    {
        string folder = this[relative];
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order()]
            : [];
    }

    /// <summary>Writes a float32 WAV of a sine per channel (frequency 300 Hz + 200 Hz x channel).</summary>
    public string Wav(string relative, int channels, int sampleRate, int frames, double amplitude = 0.3)
    {
        var data = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            for (int i = 0; i < frames; i++) data[c][i] = (float)(amplitude * Math.Sin(2 * Math.PI * (300 + 200 * c) * i / sampleRate));
        }
        return Write(relative, new Waveform(data, sampleRate));
    }

    public string Write(string relative, Waveform waveform)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.Write(path, waveform, WavSampleFormat.Float32);
        return path;
    }

    public string Bytes(string relative, byte[] bytes)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
