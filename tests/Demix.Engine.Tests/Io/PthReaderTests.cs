using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Demix.Engine.Io;
using Demix.Engine.Io.Pth;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Io;

public sealed class PthReaderTests
{
    [Fact]
    public void Read_OpenUnmixFixture_MatchesEveryNameShapeChecksumAndValue()
    {
        string path = RepositoryPaths.Fixture("openunmix", "vocals.pth");
        var set = PthReader.Read(path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path + ".tensors.json"));
        var expected = json.RootElement.GetProperty("tensors").EnumerateArray().ToList();
        Assert.Equal(46, expected.Count);
        Assert.Equal(expected.Select(e => e.GetProperty("name").GetString()), set.Names);
        foreach (var reference in expected)
        {
            var tensor = set[reference.GetProperty("name").GetString()!];
            Assert.Equal(reference.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), tensor.Shape);
            bool isLong = reference.GetProperty("dtype").GetString() == "int64";
            Assert.Equal(isLong ? StoredElementType.Int64 : StoredElementType.Float32, tensor.SourceType);
            Assert.Equal(reference.GetProperty("sha256_le_bytes").GetString(), Sha256(tensor, isLong));
            Assert.Equal(reference.GetProperty("sum_f64").GetDouble(), tensor.Data.Sum(v => (double)v), 1e-9 * Math.Max(1, Math.Abs(reference.GetProperty("sum_abs_f64").GetDouble())));
            Assert.Equal(reference.GetProperty("last").GetDouble(), tensor.Data[^1]);
        }
        Assert.Equal(1f, set["bn1.num_batches_tracked"].Data.Single());
    }

    [Fact]
    public void Read_LegacyFormatBuiltByteByByte_GivesTheTensorsIncludingStridedViews()
    {
        float[] storage = [1, 2, 3, 4, 5, 6, 7];
        var file = BuildLegacyFile(storage);
        var set = PthReader.Read(new MemoryStream(file), "legacy.pth");
        Assert.Equal(["w", "w_t", "step", "nested.bias", "view"], set.Names);
        Assert.Equal([5f, 7f], set["view"].Data);   // storage view starting at element 3, then offset 1 and stride 2
        Assert.Equal([2, 3], set["w"].Shape);
        Assert.Equal([2f, 3, 4, 5, 6, 7], set["w"].Data);
        Assert.Equal([3, 2], set["w_t"].Shape);
        Assert.Equal([2f, 5, 3, 6, 4, 7], set["w_t"].Data);
        Assert.Empty(set["step"].Shape);
        Assert.Equal([-3f], set["step"].Data);
        Assert.Equal(StoredElementType.Int64, set["step"].SourceType);
        Assert.Equal([1f, 2f], set["nested.bias"].Data);
    }

    [Fact]
    public void Read_ZipProtocol4WithParameterAndHalfStorage_Works()
    {
        var pickle = new PickleBuilder().Proto(4).Byte(0x95).Raw(new byte[8])
            .StackGlobal("collections", "OrderedDict").Byte(0x94).Op(')').Op('R').Byte(0x94)
            .ShortString("p").Byte(0x94)
            .Global("torch._utils", "_rebuild_parameter").Op('(')
            .Tensor("HalfStorage", "0", 3, 0, [3], [1]).Byte(0x88).Global("collections", "OrderedDict").Op(')').Op('R')
            .Op('t').Op('R').Op('s').Op('.').ToArray();
        var half = new byte[] { 0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38 };
        var zip = BuildZip(("model/data.pkl", pickle), ("model/data/0", half), ("model/byteorder", "little"u8.ToArray()));
        var set = PthReader.Read(new MemoryStream(zip), "half.pth");
        Assert.Equal([1f, -2f, 0.5f], set["p"].Data);
        Assert.Equal(StoredElementType.Float16, set["p"].SourceType);
    }

    [Theory]
    [InlineData("os", "system")]
    [InlineData("builtins", "eval")]
    [InlineData("torch", "load")]
    [InlineData("collections", "OrderedDict.__setitem__")]
    public void Read_PickleNamingAnyOtherGlobal_IsRefusedBeforeAnyCall(string module, string name)
    {
        var pickle = new PickleBuilder().Proto(2).Global(module, name).Op('(').String("echo pwned").Op('t').Op('R').Op('.').ToArray();
        var zip = BuildZip(("evil/data.pkl", pickle));
        var error = Assert.Throws<WeightFileException>(() => PthReader.Read(new MemoryStream(zip), "evil.pth"));
        Assert.Contains($"'{module}.{name}'", error.Message);
        Assert.StartsWith("evil.pth: ", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 2, (byte)'i', (byte)'o', (byte)'s', 10, (byte)'s', 10, (byte)'.' }, "opcode 0x69")]
    [InlineData(new byte[] { 0x80, 2, (byte)'}', (byte)'b', (byte)'.' }, "BUILD applied")]
    [InlineData(new byte[] { 0x80, 2, (byte)'R', (byte)'.' }, "stack underflow")]
    [InlineData(new byte[] { 0x80, 2, (byte)'h', 7, (byte)'.' }, "memo entry 7")]
    [InlineData(new byte[] { 0x80, 2, (byte)'X', 0xff, 0xff, 0xff, 0x7f }, "runs past the end")]
    [InlineData(new byte[] { 0x80, 2, (byte)'}' }, "ends before its STOP")]
    [InlineData(new byte[] { 0x80, 2, (byte)']', (byte)'.' }, "not a state dict")]
    [InlineData(new byte[] { 0x80, 2, (byte)'c', (byte)'c', (byte)'o', (byte)'l', (byte)'l', (byte)'e', (byte)'c', (byte)'t', (byte)'i', (byte)'o', (byte)'n', (byte)'s', 10,
        (byte)'O', (byte)'r', (byte)'d', (byte)'e', (byte)'r', (byte)'e', (byte)'d', (byte)'D', (byte)'i', (byte)'c', (byte)'t', 10, (byte)'K', 1, 0x85, (byte)'R', (byte)'.' }, "not allowed")]
    public void Read_MalformedOrUnsafePickle_ThrowsWeightFileException(byte[] pickle, string problem)
    {
        var zip = BuildZip(("x/data.pkl", pickle));
        var error = Assert.Throws<WeightFileException>(() => PthReader.Read(new MemoryStream(zip), "bad.pth"));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Read_TensorReachingPastItsStorage_Throws()
    {
        var pickle = new PickleBuilder().Proto(2).Op('}').String("w").Tensor("FloatStorage", "0", 4, 2, [3], [1]).Op('s').Op('.').ToArray();
        var zip = BuildZip(("m/data.pkl", pickle), ("m/data/0", new byte[16]));
        var error = Assert.Throws<WeightFileException>(() => PthReader.Read(new MemoryStream(zip), "short.pth"));
        Assert.Contains("reaches element 4", error.Message);
    }

    [Fact]
    public void Read_NotAPyTorchFile_SaysSo()
    {
        var error = Assert.Throws<WeightFileException>(() => PthReader.Read(new MemoryStream("hello"u8.ToArray()), "text.pth"));
        Assert.Contains("not a PyTorch weight file", error.Message);
    }

    /// <summary>
    /// The legacy layout: magic, protocol 1001, sys info, an OrderedDict {w: view at offset 1 of storage "s0",
    /// w_t: its transpose, step: int64 scalar, nested: {bias: storage "s0"[0:2]}, view: a tensor on a storage view
    /// starting at element 3}, the key list, then the storages.
    /// </summary>
    private static byte[] BuildLegacyFile(float[] floats)
    {
        var magic = new byte[] { 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19 };
        var builder = new PickleBuilder()
            .Proto(2).Long1(magic).Op('.')
            .Proto(2).Int(1001).Op('.')
            .Proto(2).Op('}').Op('(').String("protocol_version").Int(1001).String("little_endian").Byte(0x88)
            .String("type_sizes").Op('}').Op('(').String("int").Int(4).Op('u').Op('u').Op('.')
            .Proto(2).Global("collections", "OrderedDict").Op(')').Op('R').Op('(')
            .String("w").Tensor("FloatStorage", "s0", floats.Length, 1, [2, 3], [3, 1], legacy: true)
            .String("w_t").Tensor("FloatStorage", "s0", floats.Length, 1, [3, 2], [1, 3], legacy: true)
            .String("step").Tensor("LongStorage", "s1", 1, 0, [], [], legacy: true)
            .String("nested").Op('}').String("bias").Tensor("FloatStorage", "s0", floats.Length, 0, [2], [1], legacy: true).Op('s')
            .String("view").Tensor("FloatStorage", "s0", floats.Length, 1, [2], [2], legacy: true, view: (3, 4))
            .Op('u').Op('.')
            .Proto(2).Op(']').Op('(').String("s0").String("s1").Op('e').Op('.');
        builder.Raw(BitConverter.GetBytes((long)floats.Length)).Raw([.. floats.SelectMany(BitConverter.GetBytes)]);
        builder.Raw(BitConverter.GetBytes(1L)).Raw(BitConverter.GetBytes(-3L));
        return builder.ToArray();
    }

    private static byte[] BuildZip(params (string Name, byte[] Content)[] records)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in records)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(content);
            }
        }
        return memory.ToArray();
    }

    private static string Sha256(NamedTensorData tensor, bool asInt64)
    {
        byte[] bytes = asInt64
            ? [.. tensor.Data.SelectMany(v => BitConverter.GetBytes((long)v))]
            : [.. tensor.Data.SelectMany(v => { var b = new byte[4]; BinaryPrimitives.WriteSingleLittleEndian(b, v); return b; })];
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
