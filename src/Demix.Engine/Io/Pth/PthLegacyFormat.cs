using System.Buffers.Binary;
using System.Numerics;

namespace Demix.Engine.Io.Pth;

/// <summary>
/// The legacy format of <c>torch.save</c> (before torch 1.6, or <c>_use_new_zipfile_serialization=False</c>):
/// five pickles in a row (the magic number 0x1950a86a20f9469cfc6c, the protocol version 1001, a sys-info
/// dict, the object, the sorted list of storage keys), then for each key in that order an 8-byte
/// little-endian element count followed by the raw little-endian storage.
/// </summary>
internal static class PthLegacyFormat
{
    /// <summary>The magic number torch writes first.</summary>
    public static readonly BigInteger MagicNumber = BigInteger.Parse("1950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber);

    /// <summary>The legacy protocol version.</summary>
    public const long ProtocolVersion = 1001;

    public static NamedTensorSet Read(Stream stream, string file)
    {
        if (!IsMagic(RestrictedUnpickler.Load(stream, file)))
            throw new WeightFileException(file, "the first pickle is not torch's magic number, so this is not a legacy PyTorch file");
        if (RestrictedUnpickler.Load(stream, file) is not long protocol || protocol != ProtocolVersion)
            throw new WeightFileException(file, $"the legacy protocol version is not {ProtocolVersion}");
        CheckSystemInfo(RestrictedUnpickler.Load(stream, file), file);
        var flat = StateDictFlattener.Flatten(RestrictedUnpickler.Load(stream, file), file);
        if (RestrictedUnpickler.Load(stream, file) is not List<object?> keys || keys.Any(k => k is not string))
            throw new WeightFileException(file, "the storage key list is missing or malformed");
        var storages = ReadStorages(stream, keys.Cast<string>().ToList(), flat, file);
        var tensors = flat.Select(p => TensorMaterializer.Materialize(p.Name, p.Tensor, storages[p.Tensor.Storage.Key], file));
        return new NamedTensorSet(file, tensors);
    }

    private static bool IsMagic(object? value) => value is BigInteger big ? big == MagicNumber : false;

    private static void CheckSystemInfo(object? info, string file)
    {
        if (info is not PickleDictionary dictionary) throw new WeightFileException(file, "the sys-info pickle is not a dict");
        foreach (var (key, value) in dictionary.Entries)
        {
            if (key is "little_endian" && value is false)
                throw new WeightFileException(file, "the file was written on a big-endian machine; only little-endian files are supported");
        }
    }

    /// <summary>Reads each storage in key order; its element type comes from the tensors that reference it.</summary>
    private static Dictionary<string, byte[]> ReadStorages(
        Stream stream, List<string> keys, List<(string Name, PickledTensor Tensor)> tensors, string file)
    {
        var types = new Dictionary<string, StorageReference>(StringComparer.Ordinal);
        foreach (var (_, tensor) in tensors) types.TryAdd(tensor.Storage.Key, tensor.Storage);
        var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Span<byte> countBytes = stackalloc byte[8];
        foreach (string key in keys)
        {
            if (!types.TryGetValue(key, out var reference))
                throw new WeightFileException(file, $"storage '{key}' is listed but no tensor uses it, so its element type is unknown");
            try
            {
                stream.ReadExactly(countBytes);
                long count = BinaryPrimitives.ReadInt64LittleEndian(countBytes);
                if (count != reference.ElementCount)
                    throw new WeightFileException(file, $"storage '{key}' holds {count} elements but the pickle says {reference.ElementCount}");
                long byteCount = count * ElementDecoder.SizeInBytes(reference.ElementType);
                if (byteCount > Array.MaxLength || byteCount > stream.Length - stream.Position)
                    throw new WeightFileException(file, $"storage '{key}' ({byteCount} bytes) runs past the end of the file");
                var bytes = new byte[byteCount];
                stream.ReadExactly(bytes);
                storages[key] = bytes;
            }
            catch (EndOfStreamException e) { throw new WeightFileException(file, $"the file ends inside storage '{key}'", e); }
        }
        foreach (var key in types.Keys)
        {
            if (!storages.ContainsKey(key)) throw new WeightFileException(file, $"storage '{key}' is used by a tensor but not stored");
        }
        return storages;
    }
}
