using System.Security.Cryptography;
using System.Text;
using Demix.Audio;

namespace Demix.Training.Data;

/// <summary>
/// Decoded audio on disk: each source of each track is decoded and resampled once per rate, written to
/// <c>&lt;folder&gt;/&lt;key&gt;.pcm</c> and memory-mapped afterwards, so later epochs and runs never decode again.
/// The key hashes the source files' paths, sizes and modification times, the rate, the sample format and the
/// source name, so an edited or replaced file is decoded anew.
/// </summary>
public sealed class AudioCache(string folder, bool half = false)
{
    private int decodeCount;

    /// <summary>The cache folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>Samples stored as float16.</summary>
    public bool Half { get; } = half;

    /// <summary>Decodes done by this instance (cache misses).</summary>
    public int DecodeCount => decodeCount;

    /// <summary>The default folder: <c>DEMIX_CACHE</c>, else <c>cache/</c> in the current directory.</summary>
    public static string DefaultFolder() =>
        Environment.GetEnvironmentVariable("DEMIX_CACHE") is { Length: > 0 } folder ? folder : Path.GetFullPath("cache");

    /// <summary>The cached source, decoding it with <paramref name="decode"/> when it is not cached yet.</summary>
    /// <param name="files">The files the source is decoded from (their size and time are part of the key).</param>
    /// <param name="name">Which source of those files (e.g. <c>musdb/track/vocals</c>).</param>
    /// <param name="sampleRate">Rate the decoder delivers, in Hz.</param>
    public CachedAudio GetOrDecode(IReadOnlyList<string> files, string name, int sampleRate, Func<Waveform> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        string path = Path.Combine(Folder, Key(files, name, sampleRate) + ".pcm");
        if (File.Exists(path))
        {
            try
            {
                return CachedAudio.Open(path);
            }
            catch (InvalidDataException)
            {
                // A truncated file left by an older version or a full disk: decode again and replace it.
                Store(path, name, sampleRate, decode, replace: true);
                return CachedAudio.Open(path);
            }
        }
        Store(path, name, sampleRate, decode, replace: false);
        return CachedAudio.Open(path);
    }

    /// <summary>
    /// Decodes into a temporary file of this process and renames it to <paramref name="path"/> (atomic). Without
    /// <paramref name="replace"/>, a file another process renamed into place first wins and ours is deleted: both
    /// hold the same samples, and readers only ever map complete files.
    /// </summary>
    private void Store(string path, string name, int sampleRate, Func<Waveform> decode, bool replace)
    {
        Directory.CreateDirectory(Folder);
        Waveform waveform = decode();
        Interlocked.Increment(ref decodeCount);
        if (waveform.SampleRate != sampleRate)
            throw new InvalidDataException($"{name}: decoded at {waveform.SampleRate} Hz, expected {sampleRate} Hz.");
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        try
        {
            CachedAudio.Write(temporary, waveform.Channels, sampleRate, Half);
            File.Move(temporary, path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            // Another process (or thread) finished the same source first: use its file.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The cache key: SHA-256 (first 20 hex digits) of paths, sizes, times, rate, format and name.</summary>
    public string Key(IReadOnlyList<string> files, string name, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder().Append(name).Append('|').Append(sampleRate).Append('|').Append(Half ? "f16" : "f32");
        foreach (string file in files)
        {
            var info = new FileInfo(file);
            text.Append('|').Append(info.FullName).Append('|').Append(info.Exists ? info.Length : -1)
                .Append('|').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }
}
