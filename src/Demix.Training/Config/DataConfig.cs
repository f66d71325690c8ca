namespace Demix.Training.Config;

/// <summary>The data (<c>data:</c>): training sources, validation tracks, chunking and the cache.</summary>
public sealed class DataConfig
{
    /// <summary>Training corpora; every track of every corpus is drawn with the same probability.</summary>
    public List<SourceConfig> Sources { get; set; } = [];

    /// <summary>Tracks separated whole for the validation SDR (null: no validation).</summary>
    public SourceConfig? Validation { get; set; }

    /// <summary>Seconds of validation audio per track (from the start; 0 = whole track).</summary>
    public double ValidationSeconds { get; set; }

    /// <summary>Training chunk length in seconds.</summary>
    public double ChunkSeconds { get; set; } = 3;

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Channels the model sees (1 or 2): mono sources are duplicated, stereo ones averaged for 1.</summary>
    public int Channels { get; set; } = 2;

    /// <summary>Cache folder of decoded audio (empty: <c>DEMIX_CACHE</c>, else <c>cache/</c> beside the config's repository).</summary>
    public string Cache { get; set; } = "";

    /// <summary>Cached samples as <c>float32</c> or <c>float16</c> (half the disk and page cache).</summary>
    public string CacheFormat { get; set; } = "float32";
}

/// <summary>One corpus: its layout, root folder and split.</summary>
public sealed class SourceConfig
{
    /// <summary>
    /// Layout: <c>musdb</c> (stem MP4 or HQ WAV), <c>dsd100</c>, <c>mir1k</c>, <c>ccmixter</c>, <c>folder</c>
    /// (track/mixture+vocals+accompaniment), <c>voice</c> (vocal-only recordings), <c>music</c> (music-only recordings),
    /// <c>images</c> (S0 spectrogram-image pairs <c>A/*.png</c> mixture, <c>B/*.png</c> vocals, as <c>demix dataset build-images</c> writes; pix2pix only).
    /// </summary>
    public string Kind { get; set; } = "";

    /// <summary>Root folder; relative paths are relative to the config file.</summary>
    public string Root { get; set; } = "";

    /// <summary><c>train</c>, <c>validation</c>, <c>test</c> or <c>all</c>.</summary>
    public string Split { get; set; } = "train";

    /// <summary>At most this many tracks (0 = all), after sorting by name.</summary>
    public int MaxTracks { get; set; }
}

/// <summary>The augmentations (<c>augment:</c>); each is switchable.</summary>
public sealed class AugmentConfig
{
    /// <summary>Draw each source from an independent random track (random re-mixing across tracks).</summary>
    public bool Remix { get; set; } = true;

    /// <summary>Lower bound of the per-source gain (U[low, high]); set both to 1 to disable.</summary>
    public float GainLow { get; set; } = 0.25f;

    /// <summary>Upper bound of the per-source gain.</summary>
    public float GainHigh { get; set; } = 1.25f;

    /// <summary>Swap left and right of each source with probability 1/2.</summary>
    public bool ChannelSwap { get; set; } = true;

    /// <summary>Invert the polarity of each source with probability 1/2.</summary>
    public bool PolarityFlip { get; set; }

    /// <summary>Redraw chunks whose vocals are silent (below <see cref="SilenceDb"/> RMS).</summary>
    public bool DropSilentVocals { get; set; }

    /// <summary>RMS level in dBFS under which a vocal chunk counts as silent.</summary>
    public double SilenceDb { get; set; } = -50;

    /// <summary>Probability of adding white noise to the accompaniment (S4 synthetic songs).</summary>
    public double NoiseProbability { get; set; }

    /// <summary>Lowest signal (vocals + accompaniment) to noise ratio in dB.</summary>
    public double NoiseSnrLowDb { get; set; } = 10;

    /// <summary>Highest signal to noise ratio in dB.</summary>
    public double NoiseSnrHighDb { get; set; } = 30;

    /// <summary>S4 pre-training: the accompaniment is noise only (voice + noise at the SNRs above).</summary>
    public bool VoiceNoiseOnly { get; set; }
}
