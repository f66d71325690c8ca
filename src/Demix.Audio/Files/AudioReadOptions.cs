namespace Demix.Audio;

/// <summary>How <see cref="AudioFile"/> opens an input.</summary>
public sealed record AudioReadOptions
{
    /// <summary>Which audio stream to decode (0 = first). NI stem MP4: 0 mixture, 1 drums, 2 bass, 3 other, 4 vocals.
    /// WAV files have only stream 0.</summary>
    public int StreamIndex { get; init; }

    /// <summary>Resample to this rate in Hz, or null to keep the file's rate. Every input, WAV or ffmpeg-decoded, is
    /// resampled by our <see cref="SincResampler"/> (ripple under 0.1 dB, over 90 dB stopband): ffmpeg's default
    /// <c>-ar</c> resampler measured only 15 dB of attenuation just above the new Nyquist frequency (48 to 16 kHz).</summary>
    public int? SampleRate { get; init; }

    /// <summary>Apply the channel rules of <see cref="ChannelMap"/>: mono and stereo pass, more channels need <see cref="Downmix"/>.
    /// False (the default) hands out every channel of the file.</summary>
    public bool RequireMonoOrStereo { get; init; }

    /// <summary>How to bring more than 2 channels to stereo when <see cref="RequireMonoOrStereo"/> is set (default: refuse).</summary>
    public Downmix Downmix { get; init; }

    /// <summary>The default options: first stream, file's own rate.</summary>
    public static AudioReadOptions Default { get; } = new();
}
