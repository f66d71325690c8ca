using Demix.Audio;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Sampling;

namespace Demix.Training.Datasets;

/// <summary>What <see cref="SyntheticSongWriter"/> makes: how many songs, how long, at what rate, and the mixing.</summary>
/// <param name="Count">Songs to write.</param>
/// <param name="Seconds">Length of each song.</param>
/// <param name="SampleRate">Output rate in Hz (MIR-1K's 16 kHz voices are resampled to it).</param>
/// <param name="Seed">Song k is drawn from a generator seeded from (seed, k).</param>
/// <param name="Augment">Gains, noise probability and SNR range, voice+noise mode.</param>
public sealed record SyntheticSongSettings(int Count, double Seconds, int SampleRate, int Seed, AugmentConfig Augment);

/// <summary>
/// S4's synthetic songs: vocal-only recordings (voice folders, or the voice channel of MIR-1K) over music-only
/// recordings plus white noise at random SNRs, written in the generic folder layout
/// (<c>&lt;out&gt;/song-0001/{mixture,vocals,accompaniment}.wav</c>) so they can be trained on and evaluated.
/// </summary>
public static class SyntheticSongWriter
{
    private const int SongStream = 3;

    /// <summary>Writes the songs; returns their folders.</summary>
    /// <exception cref="IOException">The output folder exists and is not empty.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<SourceConfig> sources, string output, SyntheticSongSettings settings, AudioCache cache)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(settings);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            throw new IOException($"The output folder '{output}' is not empty; choose a new one.");
        var loader = new CorpusLoader(cache, settings.SampleRate, 2);
        var tracks = sources.SelectMany((s, i) => loader.Load(s, $"{s.Kind}-{i}")).ToList();
        try
        {
            var augment = new AugmentConfig
            {
                Remix = true, GainLow = settings.Augment.GainLow, GainHigh = settings.Augment.GainHigh, ChannelSwap = settings.Augment.ChannelSwap,
                NoiseProbability = settings.Augment.NoiseProbability, NoiseSnrLowDb = settings.Augment.NoiseSnrLowDb,
                NoiseSnrHighDb = settings.Augment.NoiseSnrHighDb, VoiceNoiseOnly = settings.Augment.VoiceNoiseOnly,
            };
            var sampler = new ChunkSampler(tracks, augment, (int)Math.Round(settings.Seconds * settings.SampleRate), 2);
            var folders = new List<string>();
            for (int k = 0; k < settings.Count; k++)
            {
                TrainingExample song = sampler.Draw(new Random(StepRandom.Derive(settings.Seed, SongStream, k)));
                string folder = Path.Combine(output, $"song-{k + 1:D4}");
                Directory.CreateDirectory(folder);
                AudioFile.Write(Path.Combine(folder, "vocals.wav"), new Waveform(song.Vocals, settings.SampleRate));
                AudioFile.Write(Path.Combine(folder, "accompaniment.wav"), new Waveform(song.Accompaniment, settings.SampleRate));
                AudioFile.Write(Path.Combine(folder, "mixture.wav"), new Waveform(song.Mixture(), settings.SampleRate));
                folders.Add(folder);
            }
            return folders;
        }
        finally
        {
            foreach (SourceTrack track in tracks) track.Dispose();
        }
    }
}
