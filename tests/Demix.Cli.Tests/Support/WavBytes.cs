using System.Buffers.Binary;

namespace Demix.Cli.Tests.Support;

/// <summary>Hand-built WAV bytes for the corrupt-input cases.</summary>
internal static class WavBytes
{
    /// <summary>RIFF/WAVE with a 16-byte fmt chunk and a data chunk declaring <paramref name="declaredDataBytes"/>.</summary>
    public static byte[] Build(int formatTag, int channels, int sampleRate, int bitsPerSample, uint declaredDataBytes, byte[] data,
        uint fmtChunkSize = 16)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write((uint)(4 + 8 + 16 + 8 + data.Length));
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(fmtChunkSize);
        writer.Write((ushort)formatTag);
        writer.Write((ushort)channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * bitsPerSample / 8);
        writer.Write((ushort)(channels * bitsPerSample / 8));
        writer.Write((ushort)bitsPerSample);
        writer.Write("data"u8);
        writer.Write(declaredDataBytes);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>A valid 16-bit stereo PCM WAV of <paramref name="frames"/> frames of a quiet ramp.</summary>
    public static byte[] Pcm16Stereo(int frames)
    {
        var data = new byte[frames * 4];
        for (int i = 0; i < frames * 2; i++) BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), (short)(i % 2000 - 1000));
        return Build(1, 2, 44100, 16, (uint)data.Length, data);
    }
}
