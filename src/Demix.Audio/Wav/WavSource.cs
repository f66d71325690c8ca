using System.Buffers;

namespace Demix.Audio;

/// <summary>
/// Streams the samples of a PCM or IEEE-float WAV, a block of frames at a time, as interleaved float32.
/// Memory use is one byte buffer of at most <see cref="MaxBlockBytes"/>, whatever the file length.
/// </summary>
/// <remarks>
/// A data chunk that declares size 0 or 0xFFFFFFFF (a streamed WAV) is read to the end of the file. A data
/// chunk that declares more bytes than the file holds (a truncated recording) is read as far as it goes;
/// a trailing partial frame is dropped. A file with no whole frame is rejected as holding no audio.
/// </remarks>
public sealed class WavSource : IAudioSource
{
    private const int MaxBlockBytes = 1 << 16;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly int blockAlign;
    private readonly byte[] buffer;
    private long? remainingBytes;
    private bool disposed;

    /// <summary>Parses the header of <paramref name="stream"/> and positions it on the first sample.</summary>
    /// <param name="stream">The WAV bytes, positioned at the RIFF header; seekable or not (a pipe).</param>
    /// <param name="path">The file name used in error messages.</param>
    /// <param name="leaveOpen">False to dispose <paramref name="stream"/> with this source.</param>
    /// <exception cref="AudioFormatException">The header is unreadable or the file holds no audio.</exception>
    public WavSource(Stream stream, string path, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        FilePath = path;
        Header = WavHeaderReader.Read(stream, path);
        blockAlign = Header.BlockAlign;
        long? available = stream.CanSeek ? stream.Length - stream.Position : null;
        remainingBytes = MinOf(Header.DataLength, available);
        FrameCount = remainingBytes / blockAlign;
        if (FrameCount == 0) throw new AudioFormatException(path, "the WAV file holds no audio (0 sample frames).");
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockAlign, MaxBlockBytes / blockAlign * blockAlign));
    }

    /// <summary>The parsed header: codec, sample format, data offset and declared size.</summary>
    public WavHeader Header { get; }

    /// <summary>The file name used in error messages.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public AudioFormat Format => Header.Format;

    /// <inheritdoc />
    /// <remarks>Known for every seekable file; null only for a streamed WAV read from a pipe.</remarks>
    public long? FrameCount { get; }

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        int channelCount = Format.ChannelCount;
        int samplesPerBlock = buffer.Length / blockAlign * channelCount;
        int written = 0;
        while (interleaved.Length - written >= channelCount)
        {
            int frames = Math.Min(interleaved.Length - written, samplesPerBlock) / channelCount;
            if (remainingBytes is long remaining) frames = (int)Math.Min(frames, remaining / blockAlign);
            if (frames == 0) break;
            int got = ReadFrames(frames);
            if (got == 0) break;
            WavSampleCodec.Decode(buffer, interleaved.Slice(written, got * channelCount), Header.SampleFormat);
            written += got * channelCount;
            if (got < frames) break;
        }
        return written;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        ArrayPool<byte>.Shared.Return(buffer);
        if (!leaveOpen) stream.Dispose();
    }

    /// <summary>Reads up to <paramref name="frames"/> whole frames into the buffer; returns the frames read.</summary>
    private int ReadFrames(int frames)
    {
        int wanted = frames * blockAlign;
        int got = stream.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
        int whole = got / blockAlign;
        if (got < wanted) remainingBytes = 0; // end of file: any partial frame is dropped
        else if (remainingBytes is long remaining) remainingBytes = remaining - got;
        return whole;
    }

    private static long? MinOf(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
