namespace Demix.Engine.Io.Pth;

/// <summary>
/// Reads PyTorch weight files written by <c>torch.save(model.state_dict(), path)</c>: the zip format
/// (torch 1.6 and later) and the legacy pickle-sequence format. Loading never executes code: the
/// pickle is interpreted by a restricted unpickler that knows only tensors, storages, dicts,
/// OrderedDicts and plain values, and refuses everything else with a <see cref="WeightFileException"/>.
/// </summary>
public static class PthReader
{
    /// <summary>Reads the state dict's tensors (nested dicts flattened to <c>outer.inner</c> names) in file order.</summary>
    /// <exception cref="WeightFileException">The file is not a PyTorch weight file, is corrupt, or names code.</exception>
    public static NamedTensorSet Read(string path)
    {
        using var stream = Safetensors.SafetensorsReader.OpenForReading(path);
        return Read(stream, path);
    }

    /// <summary>Reads a PyTorch weight file from a seekable stream positioned at its start.</summary>
    /// <param name="sourceName">The name used in error messages.</param>
    public static NamedTensorSet Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The .pth reader needs a seekable stream.", nameof(stream));
        long start = stream.Position;
        Span<byte> magic = stackalloc byte[4];
        int read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = start;
        if (read == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4)
            return PthZipFormat.Read(stream, sourceName);
        if (read >= 1 && magic[0] == 0x80)
            return PthLegacyFormat.Read(stream, sourceName);
        throw new WeightFileException(sourceName,
            "not a PyTorch weight file: it starts with neither a zip header (torch >= 1.6) nor a pickle (legacy format); " +
            "tar-based files from torch < 0.4 are not supported");
    }
}
