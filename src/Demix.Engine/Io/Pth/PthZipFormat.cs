using System.IO.Compression;

namespace Demix.Engine.Io.Pth;

/// <summary>
/// The zip format of <c>torch.save</c> (torch 1.6 and later): <c>&lt;root&gt;/data.pkl</c> holds the
/// pickle; storage <c>k</c> is the raw little-endian record <c>&lt;root&gt;/data/k</c>; an optional
/// <c>&lt;root&gt;/byteorder</c> record must say <c>little</c>.
/// </summary>
internal static class PthZipFormat
{
    private const string PickleName = "data.pkl";

    public static NamedTensorSet Read(Stream stream, string file)
    {
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new WeightFileException(file, $"not a readable zip archive ({e.Message})", e); }
        using (archive)
        {
            var pickleEntry = archive.Entries.FirstOrDefault(e => e.FullName == PickleName || e.FullName.EndsWith("/" + PickleName, StringComparison.Ordinal))
                ?? throw new WeightFileException(file, $"the zip archive has no '{PickleName}' record, so it is not a PyTorch file");
            string root = pickleEntry.FullName[..^PickleName.Length];
            CheckByteOrder(archive.GetEntry(root + "byteorder"), file);
            object? pickled;
            using (var pickle = new MemoryStream(ReadEntry(pickleEntry, file)))
            {
                pickled = RestrictedUnpickler.Load(pickle, file);
            }
            var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var tensors = new List<NamedTensorData>();
            foreach (var (name, tensor) in StateDictFlattener.Flatten(pickled, file))
            {
                string key = tensor.Storage.Key;
                if (!storages.TryGetValue(key, out var bytes))
                {
                    var entry = archive.GetEntry(root + "data/" + key)
                        ?? throw new WeightFileException(file, $"tensor '{name}' needs storage record '{root}data/{key}', which is missing");
                    storages[key] = bytes = ReadEntry(entry, file);
                }
                tensors.Add(TensorMaterializer.Materialize(name, tensor, bytes, file));
            }
            return new NamedTensorSet(file, tensors);
        }
    }

    private static void CheckByteOrder(ZipArchiveEntry? entry, string file)
    {
        if (entry is null) return;
        string order = System.Text.Encoding.ASCII.GetString(ReadEntry(entry, file)).Trim();
        if (order != "little") throw new WeightFileException(file, $"the byte order is '{order}'; only little-endian files are supported");
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string file)
    {
        if (entry.Length > Array.MaxLength) throw new WeightFileException(file, $"record '{entry.FullName}' is larger than 2 GB");
        var bytes = new byte[entry.Length];
        try
        {
            using var content = entry.Open();
            content.ReadExactly(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new WeightFileException(file, $"record '{entry.FullName}' is corrupt ({e.Message})", e);
        }
        return bytes;
    }
}
