using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Demix.Training.Data;

/// <summary>
/// One decoded source in the cache, memory-mapped: planar samples [channels][frames] stored as float32 or float16
/// after a 32-byte header. Reading a chunk copies (and widens) only that chunk; the OS page cache keeps hot files
/// in memory across epochs and runs.
/// </summary>
public sealed class CachedAudio : IDisposable
{
    /// <summary>Header size in bytes: magic, version, channels, frames, rate, bytes per sample.</summary>
    public const int HeaderBytes = 32;

    /// <summary>File magic, "DMXA".</summary>
    public const int Magic = 0x41584D44;

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;

    private CachedAudio(MemoryMappedFile file, MemoryMappedViewAccessor view, int channels, long frames, int sampleRate, int bytesPerSample)
    {
        this.file = file;
        this.view = view;
        ChannelCount = channels;
        FrameCount = frames;
        SampleRate = sampleRate;
        BytesPerSample = bytesPerSample;
    }

    /// <summary>Channels.</summary>
    public int ChannelCount { get; }

    /// <summary>Frames per channel.</summary>
    public long FrameCount { get; }

    /// <summary>Rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>4 (float32) or 2 (float16).</summary>
    public int BytesPerSample { get; }

    /// <summary>Maps <paramref name="path"/> read-only.</summary>
    /// <exception cref="InvalidDataException">The file is not a cache file or is truncated.</exception>
    public static CachedAudio Open(string path)
    {
        long length = new FileInfo(path).Length;
        if (length < HeaderBytes) throw new InvalidDataException($"'{path}' is not a complete Demix audio cache file: it has {length} bytes.");
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        int magic = view.ReadInt32(0), channels = view.ReadInt32(8), rate = view.ReadInt32(20), bytes = view.ReadInt32(24);
        long frames = view.ReadInt64(12);
        if (magic != Magic || channels < 1 || bytes is not (2 or 4) || view.Capacity < HeaderBytes + channels * frames * bytes)
        {
            view.Dispose();
            file.Dispose();
            throw new InvalidDataException($"'{path}' is not a complete Demix audio cache file.");
        }
        return new CachedAudio(file, view, channels, frames, rate, bytes);
    }

    /// <summary>
    /// Writes <paramref name="channels"/> ([channels][frames]) to a new file <paramref name="path"/>. Callers that
    /// share a folder write to a unique temporary name and rename it (see <see cref="AudioCache"/>).
    /// </summary>
    public static void Write(string path, float[][] channels, int sampleRate, bool half)
    {
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(1);
            writer.Write(channels.Length);
            writer.Write((long)channels[0].Length);
            writer.Write(sampleRate);
            writer.Write(half ? 2 : 4);
            writer.Write(0);
            foreach (float[] channel in channels)
            {
                if (half) writer.Write(MemoryMarshal.AsBytes<Half>(channel.Select(v => (Half)v).ToArray()));
                else writer.Write(MemoryMarshal.AsBytes<float>(channel));
            }
        }
    }

    /// <summary>Copies <paramref name="destination"/>.Length frames of <paramref name="channel"/> from <paramref name="start"/>.</summary>
    public void Read(int channel, long start, Span<float> destination)
    {
        if ((uint)channel >= (uint)ChannelCount || start < 0 || start + destination.Length > FrameCount)
            throw new ArgumentOutOfRangeException(nameof(start), $"Frames [{start}, {start + destination.Length}) of channel {channel} are outside the {ChannelCount} x {FrameCount} source.");
        long offset = HeaderBytes + (channel * FrameCount + start) * BytesPerSample;
        if (BytesPerSample == 4)
        {
            view.SafeMemoryMappedViewHandle.ReadSpan((ulong)offset, destination);
            return;
        }
        Span<Half> halves = destination.Length <= 4096 ? stackalloc Half[destination.Length] : new Half[destination.Length];
        view.SafeMemoryMappedViewHandle.ReadSpan((ulong)offset, halves);
        for (int i = 0; i < halves.Length; i++) destination[i] = (float)halves[i];
    }

    /// <summary>The whole source, [channels][frames].</summary>
    public float[][] ReadAll()
    {
        var channels = new float[ChannelCount][];
        for (int c = 0; c < ChannelCount; c++)
        {
            channels[c] = new float[FrameCount];
            Read(c, 0, channels[c]);
        }
        return channels;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        view.Dispose();
        file.Dispose();
    }
}
