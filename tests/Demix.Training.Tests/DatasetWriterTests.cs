using Demix.Imaging.Png;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Datasets;

namespace Demix.Training.Tests;

public sealed class DatasetWriterTests
{
    [Fact]
    public void SyntheticSongs_AreMixtureEqualsVocalsPlusAccompaniment_AndReproducible()
    {
        using var tiny = new TinyRun(trackCount: 2);
        var sources = new[] { new SourceConfig { Kind = "folder", Root = tiny.Data } };
        var settings = new SyntheticSongSettings(3, 0.5, TinyRun.SampleRate, 9, new AugmentConfig { NoiseProbability = 1, NoiseSnrLowDb = 20, NoiseSnrHighDb = 20 });
        var cache = new AudioCache(tiny.Cache);
        var first = SyntheticSongWriter.Write(sources, Path.Combine(tiny.Root, "s1"), settings, cache);
        var second = SyntheticSongWriter.Write(sources, Path.Combine(tiny.Root, "s2"), settings, cache);
        Assert.Equal(3, first.Count);
        var tracks = CorpusLoader.List(new SourceConfig { Kind = "folder", Root = Path.Combine(tiny.Root, "s1") });
        Assert.Equal(3, tracks.Count);
        var mixture = tracks[0].LoadMixture();
        var vocals = tracks[0].LoadTarget("vocals");
        var accompaniment = tracks[0].LoadTarget("accompaniment");
        for (int n = 0; n < mixture.FrameCount; n += 37) Assert.Equal(vocals.Channels[0][n] + accompaniment.Channels[0][n], mixture.Channels[0][n], 2e-4);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first[1], "mixture.wav")), File.ReadAllBytes(Path.Combine(second[1], "mixture.wav")));
        Assert.Throws<IOException>(() => SyntheticSongWriter.Write(sources, Path.Combine(tiny.Root, "s1"), settings, cache));
    }

    [Fact]
    public void SpectrogramImages_AreGrey256Pairs_AndSilentVocalChunksAreDropped()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string song = Path.Combine(tiny.Root, "songs", "song");
        Directory.CreateDirectory(song);
        int rate = SpectrogramImageWriter.SampleRate, chunk = SpectrogramImageWriter.ImageSize * SpectrogramImageWriter.HopSize;
        float[][] vocals = TinyRun.Tone(2 * chunk, 500, 0.3, 1);
        foreach (float[] channel in vocals) Array.Clear(channel, chunk, chunk);   // the second chunk has no voice
        float[][] music = TinyRun.Tone(2 * chunk, 100, 0.3, 2);
        Demix.Audio.AudioFile.Write(Path.Combine(song, "vocals.wav"), new Demix.Audio.Waveform(vocals, rate));
        Demix.Audio.AudioFile.Write(Path.Combine(song, "accompaniment.wav"), new Demix.Audio.Waveform(music, rate));
        Demix.Audio.AudioFile.Write(Path.Combine(song, "mixture.wav"), new Demix.Audio.Waveform(music, rate));

        string output = Path.Combine(tiny.Root, "images");
        var (kept, dropped) = SpectrogramImageWriter.Write(new SourceConfig { Kind = "folder", Root = Path.Combine(tiny.Root, "songs") }, output, new AudioCache(tiny.Cache));
        Assert.Equal((1, 1), (kept, dropped));
        var image = PngDecoder.Load(Path.Combine(output, "B", "song_000.png"));
        Assert.Equal((256, 256), (image.Width, image.Height));
        float[] decibels = SpectrogramImageWriter.Mapping.FromImage(image, Demix.Imaging.Heatmaps.MatrixLayout.ColumnMajor);
        // Tone() is written for 8 kHz, so at 20480 Hz its 500 Hz becomes 1280 Hz: row 1280 / 40 = 32 is the loudest
        // (a full-scale sine would be 0 dB).
        int loudest = Enumerable.Range(0, 256).MaxBy(f => decibels[128 * 256 + f]);
        Assert.Equal(32, loudest);
        Assert.InRange(decibels[128 * 256 + loudest], -20, 0);
    }
}
