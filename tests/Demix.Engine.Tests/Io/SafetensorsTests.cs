using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Io;

public sealed class SafetensorsTests
{
    [Fact]
    public void Read_EveryNnFixture_HasTheSidecarNamesAndShapesInNameOrder()
    {
        var files = Directory.GetFiles(RepositoryPaths.Fixture("nn"), "*.safetensors");
        Assert.True(files.Length >= 30, $"expected the nn fixtures, found {files.Length} files");
        foreach (string file in files)
        {
            var set = SafetensorsReader.Read(file);
            using var sidecar = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(file, ".json")));
            var expected = sidecar.RootElement.GetProperty("tensors").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(d => d.GetInt32()).ToArray());
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), set.Names);
            foreach (var tensor in set)
            {
                Assert.Equal(expected[tensor.Name], tensor.Shape);
                Assert.Equal(tensor.ElementCount, tensor.Data.Length);
                Assert.Equal(StoredElementType.Float32, tensor.SourceType);
                Assert.All(tensor.Data, v => Assert.True(float.IsFinite(v)));
            }
        }
    }

    [Fact]
    public void WriteThenRead_KeepsNamesShapesBitsAndMetadata()
    {
        var random = new Random(11);
        var tensors = new[]
        {
            new NamedTensorData("b.weight", [3, 5], [.. Enumerable.Range(0, 15).Select(_ => (float)random.NextDouble() - 0.5f)]),
            new NamedTensorData("a.special", [6], [float.NaN, -0f, float.Epsilon, float.MaxValue, float.NegativeInfinity, 1e-40f]),
            new NamedTensorData("c.scalar", [], [42.5f]),
            new NamedTensorData("d.empty", [0, 4], []),
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcode \"quoted\"" };
        string path = Path.Combine(Path.GetTempPath(), $"demix-st-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafetensorsWriter.Write(path, tensors, metadata);
            var read = SafetensorsReader.Read(path);
            Assert.Equal(["a.special", "b.weight", "c.scalar", "d.empty"], read.Names);
            foreach (var original in tensors)
            {
                var copy = read[original.Name];
                Assert.Equal(original.Shape, copy.Shape);
                Assert.Equal(original.Data.Select(BitConverter.SingleToInt32Bits), copy.Data.Select(BitConverter.SingleToInt32Bits));
            }
            Assert.Equal(metadata, read.Metadata);
            var (info, infoMetadata) = SafetensorsReader.ReadInfo(path);
            Assert.Equal(read.Names, info.Select(t => t.Name));
            Assert.Equal(read.Select(t => t.Shape), info.Select(t => t.Shape));
            Assert.Equal(metadata, infoMetadata);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".*.tmp"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Write_HeaderIsSpacePaddedToEightBytes()
    {
        using var stream = new MemoryStream();
        SafetensorsWriter.Write(stream, [new NamedTensorData("x", [1], [1f])]);
        var bytes = stream.ToArray();
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Equal(8 + headerLength + 4, bytes.Length);
        Assert.Equal('}', Encoding.ASCII.GetString(bytes, 8, (int)headerLength).TrimEnd(' ')[^1]);
    }

    [Fact]
    public void Read_Float16AndBFloat16_ConvertExactly()
    {
        ushort[] half = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000, 0x7C00];
        ushort[] brain = [0x3F80, 0x4049, 0xC2F7, 0x0080];
        var data = half.Concat(brain).SelectMany(BitConverter.GetBytes).ToArray();
        string header = """{"h":{"dtype":"F16","shape":[2,3],"data_offsets":[0,12]},"__metadata__":{"k":"v"},"b":{"dtype":"BF16","shape":[4],"data_offsets":[12,20]}}""";
        var set = SafetensorsReader.Read(new MemoryStream(Build(header, data)), "mem");
        Assert.Equal([1f, -2f, 65504f, MathF.Pow(2, -24), -0f, float.PositiveInfinity], set["h"].Data);
        Assert.Equal(StoredElementType.Float16, set["h"].SourceType);
        Assert.Equal([1f, 3.140625f, -123.5f, MathF.Pow(2, -126)], set["b"].Data);
        Assert.Equal("v", set.Metadata["k"]);
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}}""", 16, "gap")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "overlaps")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "needs 12 bytes")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 12, "data section holds 12")]
    [InlineData("""{"a":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}}""", 8, "not supported")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,8]}}""", 8, "non-negative")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8, "outside")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2147483647,2147483647],"data_offsets":[0,8]}}""", 8, "more elements")]
    [InlineData("""{"a":[1,2]}""", 0, "not a JSON object")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]""", 4, "not valid JSON")]
    public void Read_MalformedHeader_ThrowsNamingFileAndProblem(string header, int dataBytes, string problem)
    {
        var bytes = Build(header, new byte[dataBytes]);
        var error = Assert.Throws<WeightFileException>(() => SafetensorsReader.Read(new MemoryStream(bytes), "weights.safetensors"));
        Assert.StartsWith("weights.safetensors: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Read_HeaderLengthBeyondFile_Throws()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1_000);
        var error = Assert.Throws<WeightFileException>(() => SafetensorsReader.Read(new MemoryStream(bytes), "x.st"));
        Assert.Contains("header length 1000", error.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SafetensorsReader.Read("/nonexistent/demix.safetensors"));
    }

    private static byte[] Build(string header, byte[] data)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }
}
