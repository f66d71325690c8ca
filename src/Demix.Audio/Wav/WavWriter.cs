using System.Buffers;

namespace Demix.Audio;

/// <summary>
/// Streams float32 audio into a WAV (PCM 8/16/24/32-bit or IEEE float 32/64): write blocks, then
/// <see cref="Complete"/> patches the sizes, so a long output never needs the whole song in memory.
/// </summary>
/// <remarks>
/// Integer PCM clips to [-1, 1 - 2^(1-bits)] and rounds to the nearest step (ties to even); NaN is written as 0.
/// Float formats are stored unclipped. See <see cref="WavHeaderWriter"/> for the header layout.
/// </remarks>
public sealed class WavWriter : IAudioSink
{
    private const int BlockSamples = 1 << 14;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly int headerLength;
    private readonly WavSampleFormat sampleFormat;
    private readonly byte[] buffer;
    private long dataLength;
    private bool completed;
    private bool disposed;

    /// <summary>Writes the header to <paramref name="stream"/> at once.</summary>
    /// <param name="stream">The output. Seekable: sizes are patched on completion. Not seekable: a streamed WAV.</param>
    /// <param name="format">Sample rate in Hz and channel count.</param>
    /// <param name="sampleFormat">How samples are stored.</param>
    /// <param name="leaveOpen">False to dispose <paramref name="stream"/> with this writer.</param>
    public WavWriter(Stream stream, AudioFormat format, WavSampleFormat sampleFormat, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.SampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.ChannelCount);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.sampleFormat = sampleFormat;
        Format = format;
        byte[] header = WavHeaderWriter.Build(format, sampleFormat, reserveDs64: stream.CanSeek);
        headerLength = header.Length;
        stream.Write(header);
        buffer = ArrayPool<byte>.Shared.Rent(BlockSamples * sampleFormat.BytesPerSample());
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long FramesWritten { get; private set; }

    /// <summary>Writes a whole waveform to a WAV file atomically (temporary file, then rename).</summary>
    /// <param name="overwrite">False (the default) refuses to replace an existing file.</param>
    /// <exception cref="AudioWriteException">The file exists, or the folder cannot be written.</exception>
    public static void Write(string path, Waveform waveform, WavSampleFormat sampleFormat = WavSampleFormat.Pcm16, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        using IAudioSink sink = Create(path, waveform.Format, sampleFormat, overwrite);
        sink.WriteAll(waveform);
        sink.Complete();
    }

    /// <summary>Opens a streaming WAV file sink: written to a temporary file beside <paramref name="path"/>,
    /// renamed into place by <see cref="IAudioSink.Complete"/>, deleted if disposed before that.</summary>
    /// <exception cref="AudioWriteException">The file exists (and not <paramref name="overwrite"/>), or the folder cannot be written.</exception>
    public static IAudioSink Create(string path, AudioFormat format, WavSampleFormat sampleFormat = WavSampleFormat.Pcm16, bool overwrite = false)
    {
        var file = AtomicFile.Begin(path, overwrite);
        try
        {
            var writer = new WavWriter(file.OpenWrite(), format, sampleFormat);
            return new AtomicFileSink(writer, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) throw new InvalidOperationException("The WAV writer is already complete.");
        if (interleaved.Length % Format.ChannelCount != 0)
        {
            throw new ArgumentException($"The block has {interleaved.Length} samples, not a multiple of {Format.ChannelCount} channels.", nameof(interleaved));
        }
        int bytesPerSample = sampleFormat.BytesPerSample();
        for (int start = 0; start < interleaved.Length; start += BlockSamples)
        {
            ReadOnlySpan<float> block = interleaved.Slice(start, Math.Min(BlockSamples, interleaved.Length - start));
            Span<byte> bytes = buffer.AsSpan(0, block.Length * bytesPerSample);
            WavSampleCodec.Encode(block, bytes, sampleFormat);
            stream.Write(bytes);
        }
        dataLength += (long)interleaved.Length * bytesPerSample;
        FramesWritten += interleaved.Length / Format.ChannelCount;
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) return;
        completed = true;
        if ((dataLength & 1) != 0) stream.WriteByte(0); // RIFF chunks are padded to an even size
        if (stream.CanSeek) WavHeaderWriter.Patch(stream, headerLength, dataLength, FramesWritten);
        stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        ArrayPool<byte>.Shared.Return(buffer);
        if (!leaveOpen) stream.Dispose();
    }
}
