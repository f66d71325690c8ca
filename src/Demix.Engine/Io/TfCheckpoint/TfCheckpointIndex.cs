using System.Text;

namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// The <c>.index</c> file of a TensorFlow V2 checkpoint (tensor bundle): a LevelDB-format table whose
/// empty key holds the <see cref="TfBundleHeader"/> and whose other keys are tensor names mapping to
/// <see cref="TfTensorEntry"/> records (data type, shape, shard, offset, size, CRC).
/// </summary>
public sealed class TfCheckpointIndex
{
    private readonly Dictionary<string, TfTensorEntry> byName;

    private TfCheckpointIndex(string source, TfBundleHeader header, List<TfTensorEntry> entries)
    {
        Source = source;
        Header = header;
        Entries = entries;
        byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The index file (or the name given for the bytes).</summary>
    public string Source { get; }

    /// <summary>The bundle header.</summary>
    public TfBundleHeader Header { get; }

    /// <summary>The tensors in key (byte-sorted name) order.</summary>
    public IReadOnlyList<TfTensorEntry> Entries { get; }

    /// <summary>The entry with this name; throws <see cref="KeyNotFoundException"/> naming the file when absent.</summary>
    public TfTensorEntry this[string name] =>
        byName.TryGetValue(name, out var entry) ? entry : throw new KeyNotFoundException($"{Source}: no tensor named '{name}'.");

    /// <summary>Reads an index file, e.g. <c>pretrained_models/2stems/model.index</c>.</summary>
    /// <exception cref="WeightFileException">The file is not a well-formed checkpoint index.</exception>
    public static TfCheckpointIndex Read(string indexPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexPath);
        if (!File.Exists(indexPath)) throw new FileNotFoundException($"Checkpoint index '{indexPath}' does not exist.", indexPath);
        return Parse(File.ReadAllBytes(indexPath), indexPath);
    }

    /// <summary>Parses the bytes of an index file.</summary>
    public static TfCheckpointIndex Parse(byte[] table, string source)
    {
        ArgumentNullException.ThrowIfNull(table);
        var pairs = SsTable.ReadAll(table, source);
        if (pairs.Count == 0 || pairs[0].Key.Length != 0)
            throw new WeightFileException(source, "the index has no header entry (the empty key)");
        try
        {
            var header = TfBundleProtos.ParseHeader(pairs[0].Value);
            if (!header.IsLittleEndian) throw new WeightFileException(source, "the checkpoint is big-endian; only little-endian is supported");
            var entries = new List<TfTensorEntry>(pairs.Count - 1);
            foreach (var (key, value) in pairs.Skip(1))
            {
                var entry = TfBundleProtos.ParseEntry(Encoding.UTF8.GetString(key), value);
                Validate(entry, header, source);
                entries.Add(entry);
            }
            return new TfCheckpointIndex(source, header, entries);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new WeightFileException(source, $"malformed bundle entry: {e.Message}", e);
        }
    }

    private static void Validate(TfTensorEntry entry, TfBundleHeader header, string source)
    {
        if (entry.ShardId < 0 || entry.ShardId >= header.ShardCount)
            throw new WeightFileException(source, $"tensor '{entry.Name}' is in shard {entry.ShardId}, but there are {header.ShardCount}");
        if (entry.Offset < 0 || entry.Size < 0)
            throw new WeightFileException(source, $"tensor '{entry.Name}' has offset {entry.Offset} and size {entry.Size}");
        if (TfDataTypes.TryGetElementType(entry.DataType, out var element)
            && ShapeMath.ElementCount(entry.Shape) * ElementDecoder.SizeInBytes(element) != entry.Size)
            throw new WeightFileException(source, $"tensor '{entry.Name}' has shape {ShapeMath.Format(entry.Shape)} of {entry.DataType} but {entry.Size} bytes");
    }
}
