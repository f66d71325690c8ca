using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Demix.Engine.Io.Safetensors;

/// <summary>
/// Writes float32 tensors as a safetensors file: tensors sorted by name and laid out back to back,
/// the JSON header padded with spaces so that the data section starts at a multiple of 8 bytes.
/// The file is written to a temporary name first and then renamed, so a failed write leaves no partial file.
/// </summary>
public static class SafetensorsWriter
{
    /// <summary>Writes the tensors (and optional string metadata) to <paramref name="path"/>, replacing it.</summary>
    public static void Write(string path, IEnumerable<NamedTensorData> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string temporary = fullPath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(stream, tensors, metadata);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes the tensors (and optional string metadata) to a stream.</summary>
    public static void Write(Stream stream, IEnumerable<NamedTensorData> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sorted = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        Validate(sorted);
        byte[] header = BuildHeader(sorted, metadata);
        Span<byte> lengthBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)header.Length);
        stream.Write(lengthBytes);
        stream.Write(header);
        foreach (var tensor in sorted) WriteFloats(stream, tensor.Data);
    }

    private static void Validate(List<NamedTensorData> sorted)
    {
        for (int i = 0; i < sorted.Count; i++)
        {
            var tensor = sorted[i];
            if (string.IsNullOrEmpty(tensor.Name) || tensor.Name == SafetensorsHeader.MetadataKey)
                throw new ArgumentException($"'{tensor.Name}' cannot be a safetensors tensor name.");
            if (i > 0 && sorted[i - 1].Name == tensor.Name)
                throw new ArgumentException($"Tensor '{tensor.Name}' is given twice.");
            if (tensor.ElementCount != tensor.Data.Length)
                throw new ArgumentException($"Tensor '{tensor.Name}' has shape {tensor.ShapeText} but {tensor.Data.Length} values.");
        }
    }

    private static byte[] BuildHeader(List<NamedTensorData> sorted, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(SafetensorsHeader.MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var tensor in sorted)
            {
                long end = offset + tensor.Data.LongLength * sizeof(float);
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int dimension in tensor.Shape) json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        int padding = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static void WriteFloats(Stream stream, float[] data)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
            return;
        }
        var bytes = new byte[4];
        foreach (float value in data)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            stream.Write(bytes);
        }
    }
}
