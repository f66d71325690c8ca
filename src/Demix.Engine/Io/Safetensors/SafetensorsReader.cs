using System.Buffers.Binary;

namespace Demix.Engine.Io.Safetensors;

/// <summary>
/// Reads safetensors files (https://github.com/huggingface/safetensors): an unsigned 64-bit
/// little-endian header length N, N bytes of UTF-8 JSON, then the raw little-endian tensors.
/// F32, F16, BF16, F64, I64 and I32 are read and converted to float32.
/// </summary>
public static class SafetensorsReader
{
    /// <summary>The largest header accepted (the reference implementation's limit).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>Reads every tensor of a safetensors file, in data order, with its metadata.</summary>
    /// <exception cref="WeightFileException">The file is malformed or truncated.</exception>
    public static NamedTensorSet Read(string path)
    {
        using var stream = OpenForReading(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads a safetensors file from a seekable stream positioned at its start.
    /// </summary>
    /// <param name="sourceName">The name used in error messages (e.g. the file path).</param>
    public static NamedTensorSet Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var (entries, metadata, dataStart) = ReadHeader(stream, sourceName);
            var tensors = new List<NamedTensorData>(entries.Count);
            stream.Position = dataStart;
            foreach (var entry in entries)
            {
                var data = new float[ShapeMath.ElementCount(entry.Shape)];
                ElementDecoder.ReadInto(stream, entry.Type, data);
                tensors.Add(new NamedTensorData(entry.Name, entry.Shape, data, entry.Type));
            }
            return new NamedTensorSet(sourceName, tensors, metadata);
        }
        catch (EndOfStreamException e)
        {
            throw new WeightFileException(sourceName, "the file ends before the data its header describes", e);
        }
    }

    /// <summary>
    /// Reads only the header: every tensor's name, stored element type and shape (in data order) and the metadata,
    /// without loading any values (for listing a model file).
    /// </summary>
    public static (IReadOnlyList<(string Name, StoredElementType Type, int[] Shape)> Tensors, IReadOnlyDictionary<string, string> Metadata) ReadInfo(string path)
    {
        using var stream = OpenForReading(path);
        var (entries, metadata, _) = ReadHeader(stream, path);
        return ([.. entries.Select(e => (e.Name, e.Type, e.Shape))], metadata);
    }

    /// <summary>Opens a file for reading, turning a missing file into a <see cref="FileNotFoundException"/> naming it.</summary>
    internal static FileStream OpenForReading(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Weight file '{path}' does not exist.", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(
        Stream stream, string file)
    {
        if (!stream.CanSeek) throw new ArgumentException("The safetensors reader needs a seekable stream.", nameof(stream));
        long fileLength = stream.Length;
        if (fileLength < 8) throw new WeightFileException(file, $"too short for a safetensors file ({fileLength} bytes)");
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > fileLength - 8)
            throw new WeightFileException(file, $"header length {headerLength} is larger than the file ({fileLength} bytes) or the {MaxHeaderBytes}-byte limit");
        var json = new byte[headerLength];
        stream.ReadExactly(json);
        if (json.Length == 0 || json[0] != (byte)'{')
            throw new WeightFileException(file, "the safetensors header does not start with '{'");
        long dataStart = 8 + (long)headerLength;
        var (entries, metadata) = SafetensorsHeader.Parse(json, fileLength - dataStart, file);
        return (entries, metadata, dataStart);
    }
}
