using System.Globalization;
using System.Runtime.InteropServices;

namespace Demix.Audio;

/// <summary>
/// Decodes any format ffmpeg knows (MP3, FLAC, Ogg Vorbis/Opus, AAC/M4A, one stream of an NI stem MP4, ...)
/// by running <c>ffmpeg -map 0:a:N [-ar R] -f f32le -acodec pcm_f32le pipe:1</c> and reading raw float32 from
/// its stdout: no temporary files. The stream is probed first (ffprobe) to know its rate and channel count.
/// </summary>
/// <remarks>Disposing before the end kills ffmpeg. A failure of ffmpeg becomes an <see cref="AudioFormatException"/>
/// with the last line ffmpeg wrote to stderr.</remarks>
public sealed class FfmpegDecoder : IAudioSource
{
    private const int BufferBytes = 1 << 16;

    private readonly ToolProcess process;
    private readonly byte[] buffer = new byte[BufferBytes];
    private readonly string path;
    private int pendingBytes; // bytes of a partial frame carried over from the last read
    private long framesRead;
    private bool finished;

    private FfmpegDecoder(ToolProcess process, string path, AudioFormat format, MediaProbe probe, int streamIndex)
    {
        this.process = process;
        this.path = path;
        Format = format;
        Probe = probe;
        Stream = probe.AudioStreams[streamIndex];
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    /// <remarks>Always null: containers state durations, not exact frame counts. See <see cref="EstimatedFrameCount"/>.</remarks>
    public long? FrameCount => null;

    /// <summary>Frames expected from the probed duration (approximate), or null when the duration is unknown.</summary>
    public long? EstimatedFrameCount => Stream.DurationSeconds is double seconds ? (long)Math.Round(seconds * Format.SampleRate) : null;

    /// <summary>What ffprobe said about the whole file (container, every audio stream).</summary>
    public MediaProbe Probe { get; }

    /// <summary>The probed stream being decoded (its own rate, before any resampling by ffmpeg).</summary>
    public AudioStreamInfo Stream { get; }

    /// <summary>Starts decoding one audio stream of <paramref name="path"/>.</summary>
    /// <param name="path">Any file ffmpeg can read.</param>
    /// <param name="streamIndex">Which audio stream (0 = first; for NI stem MP4: 0 mixture, 1 drums, 2 bass, 3 other, 4 vocals).</param>
    /// <param name="sampleRate">Resample to this rate in Hz inside ffmpeg (<c>-ar</c>), or null to keep the stream's rate.
    /// ffmpeg's default resampler is weak (measured 48 to 16 kHz: 15 dB attenuation at 8.2 kHz, -0.4 dB at 7 kHz);
    /// <see cref="AudioFile"/> decodes at the stream's rate and uses <see cref="SincResampler"/> instead.</param>
    /// <param name="tools">The ffmpeg to use, or null for the installed one.</param>
    /// <exception cref="AudioFormatException">ffmpeg is missing, the file is unreadable, or the stream does not exist.</exception>
    public static FfmpegDecoder Open(string path, int streamIndex = 0, int? sampleRate = null, FfmpegTools? tools = null)
    {
        tools ??= FfmpegTools.RequireForReading(path);
        MediaProbe probe = FfprobeReader.Probe(tools, path);
        AudioStreamInfo stream = SelectStream(probe, streamIndex, path);
        var format = new AudioFormat(sampleRate ?? stream.SampleRate, stream.ChannelCount);
        ToolProcess process = ToolProcess.Start(tools.FfmpegPath, Arguments(path, streamIndex, format),
            reason => new AudioFormatException(path, $"ffmpeg is needed to decode this file, but {reason}."));
        process.StandardInput.Close();
        return new FfmpegDecoder(process, path, format, probe, streamIndex);
    }

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        if (finished) return 0;
        int frameBytes = Format.ChannelCount * sizeof(float);
        int wantedBytes = Math.Min(interleaved.Length / Format.ChannelCount, BufferBytes / frameBytes) * frameBytes;
        if (wantedBytes == 0) return 0;
        while (pendingBytes < wantedBytes)
        {
            int got = process.StandardOutput.Read(buffer, pendingBytes, wantedBytes - pendingBytes);
            if (got == 0) break;
            pendingBytes += got;
            if (pendingBytes >= frameBytes) break; // hand out what has arrived rather than wait for a full block
        }
        int wholeBytes = Math.Min(pendingBytes, wantedBytes) / frameBytes * frameBytes;
        if (wholeBytes == 0) return Finish();
        MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, wholeBytes)).CopyTo(interleaved);
        Buffer.BlockCopy(buffer, wholeBytes, buffer, 0, pendingBytes - wholeBytes);
        pendingBytes -= wholeBytes;
        framesRead += wholeBytes / frameBytes;
        return wholeBytes / sizeof(float);
    }

    /// <summary>Kills ffmpeg if it is still running.</summary>
    public void Dispose() => process.Dispose();

    private int Finish()
    {
        finished = true;
        if (process.WaitForExit() != 0) throw new AudioFormatException(path, $"ffmpeg cannot decode the file: {process.LastError()}");
        if (framesRead == 0) throw new AudioFormatException(path, "the file holds no audio (0 sample frames).");
        return 0;
    }

    private static AudioStreamInfo SelectStream(MediaProbe probe, int streamIndex, string path)
    {
        if (probe.AudioStreams.Count == 0) throw new AudioFormatException(path, "the file has no audio stream.");
        if (streamIndex < 0 || streamIndex >= probe.AudioStreams.Count)
        {
            throw new AudioFormatException(path, $"audio stream {streamIndex} does not exist: the file has {probe.AudioStreams.Count} audio stream(s), numbered from 0.");
        }
        AudioStreamInfo stream = probe.AudioStreams[streamIndex];
        if (stream.CodecName is "" or "none")
        {
            throw new AudioFormatException(path, $"unsupported codec: ffmpeg has no decoder for audio stream {streamIndex}.") { IsUnsupportedCodec = true };
        }
        if (stream.SampleRate <= 0 || stream.ChannelCount <= 0)
        {
            throw new AudioFormatException(path, $"audio stream {streamIndex} ({stream.CodecName}) has no usable rate or channel count; the codec may be unsupported.");
        }
        return stream;
    }

    /// <summary>Rate and channel count are always given, so the raw output has exactly the announced format.</summary>
    private static List<string> Arguments(string path, int streamIndex, AudioFormat format) =>
    [
        "-nostdin", "-hide_banner", "-v", "error", "-i", "file:" + path, "-map", $"0:a:{streamIndex}", "-vn", "-sn", "-dn",
        "-ac", format.ChannelCount.ToString(CultureInfo.InvariantCulture), "-ar", format.SampleRate.ToString(CultureInfo.InvariantCulture),
        "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1",
    ];
}
