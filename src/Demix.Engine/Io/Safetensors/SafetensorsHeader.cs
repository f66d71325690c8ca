using System.Text.Json;

namespace Demix.Engine.Io.Safetensors;

/// <summary>One tensor described by a safetensors header: byte range relative to the data section.</summary>
internal sealed record SafetensorsEntry(string Name, StoredElementType Type, int[] Shape, long Begin, long End);

/// <summary>
/// Parses and validates a safetensors JSON header: every entry has a known dtype, a shape of
/// non-negative dimensions and <c>data_offsets</c> whose length equals the shape's byte size; sorted by
/// offset, the entries tile the data section exactly (no gap, no overlap, nothing left over).
/// </summary>
internal static class SafetensorsHeader
{
    /// <summary>The metadata key; its value is an object of string to string.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>Parses the header; entries come back sorted by data offset.</summary>
    /// <param name="dataLength">The byte length of the data section that follows the header.</param>
    public static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(
        ReadOnlySpan<byte> json, long dataLength, string file)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json.ToArray()); }
        catch (JsonException e) { throw new WeightFileException(file, $"the safetensors header is not valid JSON ({e.Message})", e); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new WeightFileException(file, "the safetensors header is not a JSON object");
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, file);
                else entries.Add(ReadEntry(property.Name, property.Value, file));
            }
            CheckTiling(entries, dataLength, file);
            return (entries, metadata);
        }
    }

    /// <summary>The safetensors dtype string of a stored type.</summary>
    public static string DtypeName(StoredElementType type) => type switch
    {
        StoredElementType.Float32 => "F32",
        StoredElementType.Float16 => "F16",
        StoredElementType.BFloat16 => "BF16",
        StoredElementType.Float64 => "F64",
        StoredElementType.Int64 => "I64",
        StoredElementType.Int32 => "I32",
        StoredElementType.Int16 => "I16",
        StoredElementType.Int8 => "I8",
        StoredElementType.UInt8 => "U8",
        StoredElementType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type."),
    };

    private static StoredElementType ParseDtype(string dtype, string name, string file) => dtype switch
    {
        "F32" => StoredElementType.Float32,
        "F16" => StoredElementType.Float16,
        "BF16" => StoredElementType.BFloat16,
        "F64" => StoredElementType.Float64,
        "I64" => StoredElementType.Int64,
        "I32" => StoredElementType.Int32,
        "I16" => StoredElementType.Int16,
        "I8" => StoredElementType.Int8,
        "U8" => StoredElementType.UInt8,
        "BOOL" => StoredElementType.Bool,
        _ => throw new WeightFileException(file, $"tensor '{name}' has dtype '{dtype}', which is not supported (F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL)"),
    };

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string file)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new WeightFileException(file, $"'{MetadataKey}' is not a JSON object");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new WeightFileException(file, $"metadata value '{item.Name}' is not a string");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement value, string file)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new WeightFileException(file, $"header entry '{name}' is not a JSON object");
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
            throw new WeightFileException(file, $"tensor '{name}' has no string 'dtype'");
        var type = ParseDtype(dtype.GetString()!, name, file);
        long[] dimensions = ReadIntegers(value, "shape", name, file, count: null);
        long[] offsets = ReadIntegers(value, "data_offsets", name, file, count: 2);
        int[] shape = ShapeMath.ToIntShape(dimensions, problem => new WeightFileException(file, $"tensor '{name}': {problem}"));
        long expectedBytes = ShapeMath.ElementCount(shape) * ElementDecoder.SizeInBytes(type);
        if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != expectedBytes)
            throw new WeightFileException(file,
                $"tensor '{name}' has data_offsets [{offsets[0]}, {offsets[1]}] but shape {ShapeMath.Format(shape)} of {DtypeName(type)} needs {expectedBytes} bytes");
        return new SafetensorsEntry(name, type, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(JsonElement value, string key, string name, string file, int? count)
    {
        if (!value.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new WeightFileException(file, $"tensor '{name}' has no array '{key}'");
        var result = new long[array.GetArrayLength()];
        if (count is int expected && result.Length != expected)
            throw new WeightFileException(file, $"tensor '{name}': '{key}' has {result.Length} items, expected {expected}");
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out result[i]) || result[i] < 0)
                throw new WeightFileException(file, $"tensor '{name}': '{key}' item {i} is not a non-negative integer");
            i++;
        }
        return result;
    }

    private static void CheckTiling(List<SafetensorsEntry> entries, long dataLength, string file)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long position = 0;
        foreach (var entry in entries)
        {
            if (entry.Begin != position)
                throw new WeightFileException(file, entry.Begin > position
                    ? $"gap in the data section: bytes {position}..{entry.Begin} belong to no tensor (next is '{entry.Name}')"
                    : $"tensor '{entry.Name}' overlaps the previous tensor (starts at {entry.Begin}, previous ends at {position})");
            position = entry.End;
        }
        if (position != dataLength)
            throw new WeightFileException(file, $"the tensors cover {position} bytes but the data section holds {dataLength} bytes");
    }
}
