namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// Reads the tensors of a TensorFlow V2 checkpoint: the index (<c>&lt;prefix&gt;.index</c>) says where
/// each tensor lies, and the bytes are read by offset from <c>&lt;prefix&gt;.data-0000k-of-0000n</c>,
/// checked against their CRC-32C and converted to float32. Shapes stay in TensorFlow's layout.
/// </summary>
public static class TfCheckpointReader
{
    /// <summary>The data file of shard <paramref name="shard"/> of <paramref name="shardCount"/>, e.g. <c>model.data-00000-of-00001</c>.</summary>
    public static string DataFilePath(string prefix, int shard, int shardCount) => $"{prefix}.data-{shard:D5}-of-{shardCount:D5}";

    /// <summary>Reads every numeric tensor of the checkpoint at <paramref name="prefix"/> (the path without <c>.index</c>).</summary>
    /// <exception cref="WeightFileException">The index or a data file is malformed, truncated or fails its CRC.</exception>
    public static NamedTensorSet Read(string prefix)
    {
        var index = TfCheckpointIndex.Read(prefix + ".index");
        return Read(index, shard => DataFilePath(prefix, shard, index.Header.ShardCount));
    }

    /// <summary>Reads the tensors of <paramref name="index"/> from the data files that <paramref name="shardPath"/> names.</summary>
    /// <param name="names">Only these tensors (all numeric ones when null).</param>
    public static NamedTensorSet Read(TfCheckpointIndex index, Func<int, string> shardPath, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var wanted = names?.Select(n => index[n]).ToList()
            ?? [.. index.Entries.Where(e => TfDataTypes.TryGetElementType(e.DataType, out _))];
        var tensors = new List<NamedTensorData>(wanted.Count);
        foreach (var shard in wanted.GroupBy(e => e.ShardId))
        {
            string path = shardPath(shard.Key);
            if (!File.Exists(path)) throw new FileNotFoundException($"Checkpoint data file '{path}' does not exist.", path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            foreach (var entry in shard) tensors.Add(ReadTensor(stream, entry, path));
        }
        var order = wanted.Select((e, i) => (e.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return new NamedTensorSet(index.Source, tensors.OrderBy(t => order[t.Name]));
    }

    /// <summary>Reads one tensor's bytes at its offset, checks the CRC and converts them.</summary>
    public static NamedTensorData ReadTensor(Stream data, TfTensorEntry entry, string dataFile)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(entry);
        if (!TfDataTypes.TryGetElementType(entry.DataType, out var element))
            throw new WeightFileException(dataFile, $"tensor '{entry.Name}' has data type {entry.DataType}, which cannot be read as numbers");
        if (entry.Offset > data.Length - entry.Size || entry.Size > Array.MaxLength)
            throw new WeightFileException(dataFile, $"tensor '{entry.Name}' (bytes {entry.Offset}..{entry.Offset + entry.Size}) lies beyond the end of the file ({data.Length} bytes)");
        var bytes = new byte[entry.Size];
        data.Position = entry.Offset;
        data.ReadExactly(bytes);
        uint crc = Crc32C.Mask(Crc32C.Compute(bytes));
        if (crc != entry.MaskedCrc32C)
            throw new WeightFileException(dataFile, $"tensor '{entry.Name}' fails its CRC check (index 0x{entry.MaskedCrc32C:x8}, data 0x{crc:x8})");
        var values = new float[ShapeMath.ElementCount(entry.Shape)];
        ElementDecoder.Convert(bytes, element, values);
        return new NamedTensorData(entry.Name, entry.Shape, values, element);
    }
}
