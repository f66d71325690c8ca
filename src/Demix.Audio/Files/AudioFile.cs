namespace Demix.Audio;

/// <summary>
/// The front door for audio files. Reading sniffs the first bytes: RIFF/RF64 WAVE files go to our own WAV
/// decoder, everything else (and WAVs of other codecs) to ffmpeg. Writing picks the format from the
/// extension, writes to a temporary file in the output folder and renames it when complete, so a failed
/// write leaves nothing behind; an existing file is only replaced when asked.
/// </summary>
public static class AudioFile
{
    /// <summary>Opens a file for streaming.</summary>
    /// <exception cref="AudioFormatException">Missing, empty, corrupt, unsupported, no audio, or ffmpeg needed and missing.</exception>
    public static IAudioSource Open(string path, AudioReadOptions? options = null)
    {
        options ??= AudioReadOptions.Default;
        if (options.SampleRate is <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.SampleRate, "The target sample rate must be positive.");
        IAudioSource source = IsWav(path) ? OpenWav(path, options) : FfmpegDecoder.Open(path, options.StreamIndex);
        try
        {
            if (options.RequireMonoOrStereo) source = ChannelMap.ToMonoOrStereo(source, options.Downmix, path);
            return options.SampleRate is int rate ? SincResampler.Resample(source, rate) : source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole file into a planar waveform.</summary>
    /// <exception cref="AudioFormatException">Missing, empty, corrupt, unsupported, no audio, or ffmpeg needed and missing.</exception>
    public static Waveform Read(string path, AudioReadOptions? options = null)
    {
        using IAudioSource source = Open(path, options);
        return source.ReadAll();
    }

    /// <summary>Writes a whole waveform; the format comes from the extension unless the options name one.</summary>
    /// <exception cref="AudioWriteException">The file exists (without overwrite), the folder cannot be written, the
    /// extension is unknown, ffmpeg is needed and missing, or encoding failed. Nothing is left behind.</exception>
    public static void Write(string path, Waveform waveform, AudioWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        using IAudioSink sink = Create(path, waveform.Format, options);
        sink.WriteAll(waveform);
        sink.Complete();
    }

    /// <summary>Opens a streaming output: write blocks, then <see cref="IAudioSink.Complete"/> renames the finished
    /// file into place. Disposing it without completing deletes the partial output.</summary>
    /// <exception cref="AudioWriteException">As for <see cref="Write"/>.</exception>
    public static IAudioSink Create(string path, AudioFormat format, AudioWriteOptions? options = null)
    {
        options ??= AudioWriteOptions.Default;
        AudioFileFormat fileFormat = options.Format ?? AudioFileFormats.FromPath(path);
        if (fileFormat != AudioFileFormat.Wav) FfmpegTools.RequireForWriting(path);
        var file = AtomicFile.Begin(path, options.Overwrite);
        try
        {
            IAudioSink inner = fileFormat == AudioFileFormat.Wav
                ? new WavWriter(file.OpenWrite(), format, options.BitDepth)
                : FfmpegEncoder.Start(file.TemporaryPath, path, format, fileFormat, options);
            return new AtomicFileSink(inner, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>True when the file starts with a RIFF/RF64/BW64 WAVE header (or is a RIFF file truncated before its type).</summary>
    /// <exception cref="AudioFormatException">The file is missing or empty.</exception>
    public static bool IsWav(string path)
    {
        using FileStream stream = AudioFileAccess.OpenRead(path);
        Span<byte> first = stackalloc byte[12];
        int got = stream.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
        return WavHeaderReader.LooksLikeWav(first[..got]);
    }

    /// <summary>A WAV of a codec we do not decode (A-law, ADPCM, MP3-in-WAV...): ffmpeg's turn; if it cannot either,
    /// the error names the codec from the WAV header.</summary>
    private static FfmpegDecoder OpenWavThroughFfmpeg(string path, AudioFormatException wavError)
    {
        try
        {
            return FfmpegDecoder.Open(path, 0);
        }
        catch (AudioFormatException e) when (e.IsUnsupportedCodec)
        {
            throw new AudioFormatException(path, $"{wavError.Problem.Split(';')[0]}, which ffmpeg cannot decode either.", e) { IsUnsupportedCodec = true };
        }
    }

    private static IAudioSource OpenWav(string path, AudioReadOptions options)
    {
        if (options.StreamIndex != 0)
        {
            throw new AudioFormatException(path, $"audio stream {options.StreamIndex} does not exist: a WAV file has one audio stream (0).");
        }
        try
        {
            return WavReader.Open(path);
        }
        catch (AudioFormatException e) when (e.IsUnsupportedCodec && FfmpegTools.Installed is not null)
        {
            return OpenWavThroughFfmpeg(path, e);
        }
    }
}
