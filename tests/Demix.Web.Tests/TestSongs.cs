using Demix.Audio;
using Demix.Separation.Demo;

namespace Demix.Web.Tests;

/// <summary>Short synthetic songs (voice + instruments from the demo synthesiser) written to temporary WAVs.</summary>
internal static class TestSongs
{
    /// <summary>A stereo 16-bit WAV of <paramref name="seconds"/> at <paramref name="sampleRate"/> Hz; returns its path and frame count.</summary>
    public static (string Path, int Frames) Wav(string folder, double seconds = 2.0, int sampleRate = 22050, int seed = 1)
    {
        Directory.CreateDirectory(folder);
        Waveform mix = DemoSong.Synthesize(new Random(seed), sampleRate, seconds).Mixture;
        string path = System.IO.Path.Combine(folder, $"song-{seed}-{seconds}s.wav");
        AudioFile.Write(path, mix, new AudioWriteOptions { Overwrite = true });
        return (path, mix.FrameCount);
    }

    /// <summary>A fresh empty temporary folder.</summary>
    public static string TemporaryFolder()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"demix-web-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
