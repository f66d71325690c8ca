namespace Demix.Audio;

/// <summary>
/// Reads WAV files (RIFF, RF64 and BW64; PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE,
/// any channel count) as float32. <see cref="Open"/> streams; <see cref="Read(string)"/> loads the whole file.
/// </summary>
public static class WavReader
{
    /// <summary>Opens a WAV file for streaming.</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, not a readable WAV, or holds no audio.</exception>
    public static WavSource Open(string path)
    {
        FileStream stream = AudioFileAccess.OpenRead(path);
        try
        {
            return new WavSource(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole WAV file into a planar waveform.</summary>
    /// <exception cref="AudioFormatException">The file is missing, empty, not a readable WAV, or holds no audio.</exception>
    public static Waveform Read(string path)
    {
        using WavSource source = Open(path);
        return source.ReadAll();
    }

    /// <summary>Reads a whole WAV from a stream (left open) into a planar waveform.</summary>
    /// <param name="stream">The WAV bytes, positioned at the RIFF header.</param>
    /// <param name="name">The name used in error messages.</param>
    public static Waveform Read(Stream stream, string name)
    {
        using var source = new WavSource(stream, name, leaveOpen: true);
        return source.ReadAll();
    }

    /// <summary>Reads only the header of a WAV file.</summary>
    public static WavHeader ReadHeader(string path)
    {
        using FileStream stream = AudioFileAccess.OpenRead(path);
        return WavHeaderReader.Read(stream, path);
    }
}
