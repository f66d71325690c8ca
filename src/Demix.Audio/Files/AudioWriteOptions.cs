namespace Demix.Audio;

/// <summary>How <see cref="AudioFile"/> writes an output.</summary>
public sealed record AudioWriteOptions
{
    /// <summary>Replace an existing file (false by default: an existing file is an error).</summary>
    public bool Overwrite { get; init; }

    /// <summary>The container; null takes it from the file extension.</summary>
    public AudioFileFormat? Format { get; init; }

    /// <summary>Sample format of WAV (PCM16, PCM24, float32) and FLAC (PCM16 or PCM24) outputs.</summary>
    public WavSampleFormat BitDepth { get; init; } = WavSampleFormat.Pcm16;

    /// <summary>Bit rate of lossy outputs in kbit/s; null takes the format's default.</summary>
    public int? BitRateKbps { get; init; }

    /// <summary>The default options: 16-bit, default bit rates, never overwrite.</summary>
    public static AudioWriteOptions Default { get; } = new();
}
