using System.Text;
using System.Text.Json;
using Demix.Engine.Io;
using Demix.Engine.Io.TfCheckpoint;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Io;

public sealed class TfCheckpointTests
{
    [Fact]
    public void Crc32C_MatchesTheStandardCheckValueAndMaskRoundTrips()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(Crc32C.Compute("123456789"u8), Crc32C.Compute("6789"u8, Crc32C.Compute("12345"u8)));
        foreach (uint value in new uint[] { 0, 1, 0xE3069283, uint.MaxValue }) Assert.Equal(value, Crc32C.Unmask(Crc32C.Mask(value)));
    }

    [Fact]
    public void Read_SpleeterIndex_GivesAll149EntriesExactly()
    {
        string path = RepositoryPaths.Fixture("spleeter", "model.index");
        var index = TfCheckpointIndex.Read(path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path + ".tensors.json"));
        var expected = json.RootElement.GetProperty("tensors").EnumerateArray().ToList();
        Assert.Equal(new TfBundleHeader(1, true, 1), index.Header);
        Assert.Equal(149, index.Entries.Count);
        Assert.Equal(expected.Count, index.Entries.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var entry = index.Entries[i];
            Assert.Equal(e.GetProperty("name").GetString(), entry.Name);
            Assert.Equal(e.GetProperty("dtype_enum").GetInt32(), (int)entry.DataType);
            Assert.Equal(e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), entry.Shape);
            Assert.Equal(e.GetProperty("shard_id").GetInt32(), entry.ShardId);
            Assert.Equal(e.GetProperty("offset").GetInt64(), entry.Offset);
            Assert.Equal(e.GetProperty("size").GetInt64(), entry.Size);
            Assert.Equal(e.GetProperty("masked_crc32c").GetUInt32(), entry.MaskedCrc32C);
        }
        Assert.Equal(TfDataType.Int64, index["global_step"].DataType);
        Assert.Empty(index["global_step"].Shape);
        Assert.Equal([5, 5, 256, 512], index["conv2d_transpose/kernel"].Shape);
        Assert.Equal(78_614_080, index.Entries.Max(e => e.Offset + e.Size));
    }

    [Fact]
    public void Read_SpleeterIndexWithOneFlippedByte_FailsItsCrcCheck()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture("spleeter", "model.index"));
        bytes[1000] ^= 0x01;
        var error = Assert.Throws<WeightFileException>(() => TfCheckpointIndex.Parse(bytes, "flipped.index"));
        Assert.Contains("CRC", error.Message);
        Assert.StartsWith("flipped.index: ", error.Message);
    }

    [Fact]
    public void Read_NotATable_SaysSo()
    {
        var error = Assert.Throws<WeightFileException>(() => TfCheckpointIndex.Parse(new byte[64], "zeros.index"));
        Assert.Contains("magic", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SyntheticCheckpoint_ReadsTensorsByOffsetAndChecksCrc(bool snappy)
    {
        string directory = Directory.CreateTempSubdirectory("demix-tf-").FullName;
        try
        {
            string prefix = Path.Combine(directory, "model");
            float[] kernel = [.. Enumerable.Range(0, 24).Select(i => i * 0.25f - 3f)];
            float[] bias = [0.5f, -1.5f];
            WriteCheckpoint(prefix, kernel, bias, snappy);
            var set = TfCheckpointReader.Read(prefix);
            Assert.Equal(["layer/bias", "layer/kernel", "layer/step"], set.Names);
            Assert.Equal([2, 3, 2, 2], set["layer/kernel"].Shape);
            Assert.Equal(kernel, set["layer/kernel"].Data);
            Assert.Equal(bias, set["layer/bias"].Data);
            Assert.Equal([123456f], set["layer/step"].Data);
            Assert.Equal(StoredElementType.Int64, set["layer/step"].SourceType);

            string data = TfCheckpointReader.DataFilePath(prefix, 0, 1);
            var bytes = File.ReadAllBytes(data);
            bytes[10] ^= 0x40;
            File.WriteAllBytes(data, bytes);
            var error = Assert.Throws<WeightFileException>(() => TfCheckpointReader.Read(prefix));
            Assert.Contains("'layer/kernel' fails its CRC check", error.Message);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Fact]
    public void Read_DataFileShorterThanIndexSays_Throws()
    {
        string directory = Directory.CreateTempSubdirectory("demix-tf-").FullName;
        try
        {
            string prefix = Path.Combine(directory, "model");
            WriteCheckpoint(prefix, new float[24], new float[2], snappy: false);
            string data = TfCheckpointReader.DataFilePath(prefix, 0, 1);
            File.WriteAllBytes(data, File.ReadAllBytes(data)[..50]);
            var error = Assert.Throws<WeightFileException>(() => TfCheckpointReader.Read(prefix));
            Assert.Contains("beyond the end of the file", error.Message);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    /// <summary>Writes bias [2] float, kernel [2,3,2,2] float and step int64 back to back, plus the index.</summary>
    private static void WriteCheckpoint(string prefix, float[] kernel, float[] bias, bool snappy)
    {
        byte[] biasBytes = [.. bias.SelectMany(BitConverter.GetBytes)];
        byte[] kernelBytes = [.. kernel.SelectMany(BitConverter.GetBytes)];
        byte[] stepBytes = BitConverter.GetBytes(123456L);
        File.WriteAllBytes(TfCheckpointReader.DataFilePath(prefix, 0, 1), [.. biasBytes, .. kernelBytes, .. stepBytes]);
        uint Crc(byte[] b) => Crc32C.Mask(Crc32C.Compute(b));
        var entries = new List<(byte[], byte[])>
        {
            ([], TfTableBuilder.Header(1)),
            (Encoding.UTF8.GetBytes("layer/bias"), TfTableBuilder.Entry(1, [2], 0, 8, Crc(biasBytes))),
            (Encoding.UTF8.GetBytes("layer/kernel"), TfTableBuilder.Entry(1, [2, 3, 2, 2], 8, 96, Crc(kernelBytes))),
            (Encoding.UTF8.GetBytes("layer/step"), TfTableBuilder.Entry(9, [], 104, 8, Crc(stepBytes))),
        };
        File.WriteAllBytes(prefix + ".index", TfTableBuilder.Table(entries, restartInterval: 2, snappy));
    }
}

public sealed class TfKernelLayoutTests
{
    [Fact]
    public void Conv2d_MovesEveryElementToItsPyTorchPosition()
    {
        // TF kernel [kh=2, kw=3, in=4, out=5] with value encoding its index.
        var data = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        var converted = TfKernelLayout.Conv2d(new NamedTensorData("conv2d/kernel", [2, 3, 4, 5], data));
        Assert.Equal([5, 4, 2, 3], converted.Shape);
        for (int o = 0; o < 5; o++)
            for (int c = 0; c < 4; c++)
                for (int y = 0; y < 2; y++)
                    for (int x = 0; x < 3; x++)
                        Assert.Equal(((y * 3 + x) * 4 + c) * 5 + o, converted.Data[((o * 4 + c) * 2 + y) * 3 + x]);
    }

    [Fact]
    public void Conv2dTranspose_GivesInOutKhKw()
    {
        var data = new float[5 * 5 * 16 * 64];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        var converted = TfKernelLayout.Conv2dTranspose(new NamedTensorData("conv2d_transpose_4/kernel", [5, 5, 16, 64], data));
        Assert.Equal([64, 16, 5, 5], converted.Shape);
        // weight[in=7, out=3, y=1, x=2] = tf[y=1, x=2, out=3, in=7]
        Assert.Equal(((1 * 5 + 2) * 16 + 3) * 64 + 7, converted.Data[((7 * 16 + 3) * 5 + 1) * 5 + 2]);
        Assert.Throws<ArgumentException>(() => TfKernelLayout.Conv2d(new NamedTensorData("b", [4], new float[4])));
    }
}
