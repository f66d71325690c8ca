using System.Runtime.InteropServices;
using Demix.Engine.Io;
using Demix.Engine.Io.TfCheckpoint;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Tests.Support;
using Demix.Tests.Shared;

namespace Demix.Separation.Tests.Models.Spleeter;

public sealed class SpleeterCheckpointTests
{
    private static readonly string[] TwoStems = ["vocals", "accompaniment"];

    [Fact]
    public void RealIndex_EveryVariableMapsToExactlyOneTensorOfTheSameShape_AndEveryTensorIsCovered()
    {
        var index = TfCheckpointIndex.Read(RepositoryPaths.Fixture("spleeter", "model.index"));
        var network = new SpleeterNetwork(TwoStems, new SpleeterHyperParameters(), new Random(1));
        var own = network.StateDict().ToDictionary(e => e.Key, e => e.Value.Shape);
        var byName = SpleeterCheckpointMapping.For(TwoStems).ToDictionary(m => m.TfName);

        Assert.Equal(149, index.Entries.Count);
        var covered = new List<string>();
        foreach (var entry in index.Entries)
        {
            if (SpleeterCheckpointMapping.IsTrainingState(entry.Name))
            {
                Assert.Equal("global_step", entry.Name);
                continue;
            }
            Assert.True(byName.TryGetValue(entry.Name, out var mapping), $"{entry.Name} is not mapped");
            var (shape, _) = SpleeterCheckpointMapping.Convert(mapping.Layout, entry.Shape, new float[ElementCount(entry.Shape)]);
            Assert.Equal(own[mapping.Key], shape);
            covered.Add(mapping.Key);
        }
        Assert.Equal(148, covered.Count);
        Assert.Equal(covered.Count, covered.Distinct().Count());
        // Every parameter and buffer is covered, except PyTorch's num_batches_tracked counters (no Keras counterpart).
        var expected = own.Keys.Where(k => !k.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Order();
        Assert.Equal(expected, covered.Order());
        Assert.Equal(19_653_518, network.NamedParameters().Concat(network.NamedBuffers())
            .Where(p => !p.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Sum(p => p.Tensor.Length));
    }

    [Theory]
    [InlineData("conv2d_7/kernel/Adam", true)]
    [InlineData("conv2d_7/kernel/Adam_1", true)]
    [InlineData("global_step", true)]
    [InlineData("beta1_power", true)]
    [InlineData("conv2d_7/kernel", false)]
    [InlineData("batch_normalization_3/moving_mean", false)]
    public void TrainingState_IsRecognisedByName(string name, bool expected) =>
        Assert.Equal(expected, SpleeterCheckpointMapping.IsTrainingState(name));

    [Fact]
    public void SyntheticDataFile_LoadsThroughTheReader_WithKernelsInTheirLayouts()
    {
        var hp = Tiny();
        var reference = new SpleeterNetwork(TwoStems, hp, new Random(2));   // only its shapes are used
        var mappings = SpleeterCheckpointMapping.For(TwoStems);
        var random = new Random(3);
        using var folder = new TempFolder();
        string dataPath = folder.File("model.data-00000-of-00001");
        var entries = WriteSyntheticCheckpoint(dataPath, reference, mappings, random);

        using var stream = File.OpenRead(dataPath);
        var tensors = entries.Select(e => TfCheckpointReader.ReadTensor(stream, e, dataPath)).ToList();
        var checkpoint = new NamedTensorSet(dataPath, tensors);
        var model = SpleeterFamily.FromCheckpoint("synthetic", checkpoint, TwoStems, hp);
        var state = model.Network.StateDict().ToDictionary(e => e.Key, e => e.Value);

        var tfConv = checkpoint["conv2d_7/kernel"];          // accompaniment's first conv, [5, 5, 2, out]
        Tensor conv = state["accompaniment.conv0.weight"];   // [out, 2, 5, 5]
        int outs = tfConv.Shape[3];
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 5; x++)
                for (int i = 0; i < 2; i++)
                    for (int o = 0; o < outs; o++)
                        Assert.Equal(tfConv.Data[((y * 5 + x) * 2 + i) * outs + o], conv[o, i, y, x]);
        Assert.Equal(checkpoint["batch_normalization_18/moving_variance"].Data, state["accompaniment.dbn0.running_var"].Data);
        Assert.Equal(checkpoint["batch_normalization_5/gamma"].Data, state["vocals.bn5.weight"].Data);
        Assert.Equal(checkpoint["conv2d_13/bias"].Data, state["accompaniment.mask.bias"].Data);
    }

    [Fact]
    public void TransposedKernel_HwoiLayout_ActsAsTensorFlowsConv2dTranspose()
    {
        // TF: out[y*s + ky - cropTop, x*s + kx - cropLeft, o] += in[y, x, i] * k[ky, kx, o, i]. An impulse at (y, x, i)
        // therefore writes k[:, :, o, i] at rows 2y - 1 .. 2y + 3 (TF SAME crops 1 before for k5 s2).
        var random = new Random(4);
        const int kIn = 3, kOut = 2;
        var tfKernel = Enumerable.Range(0, 25 * kIn * kOut).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var (shape, data) = SpleeterCheckpointMapping.Convert(TfLayout.ConvTransposeKernel, [5, 5, kOut, kIn], tfKernel);
        var input = new Tensor(1, kIn, 4, 4);
        input[0, 1, 2, 1] = 1f;
        Tensor output = Tensor.ConvTranspose2d(input, new Tensor(shape, data), null, ConvOptions.TfSame(2));
        Assert.Equal([1, kOut, 8, 8], output.Shape);
        for (int o = 0; o < kOut; o++)
            for (int ky = 0; ky < 5; ky++)
                for (int kx = 0; kx < 5; kx++)
                {
                    int y = 2 * 2 + ky - 1, x = 2 * 1 + kx - 1;
                    if (y is >= 0 and < 8 && x is >= 0 and < 8) Assert.Equal(tfKernel[((ky * 5 + kx) * kOut + o) * kIn + 1], output[0, o, y, x], 6);
                }
    }

    [Fact]
    public void MissingVariable_IsReportedWithTheCheckpointName()
    {
        var network = new SpleeterNetwork(TwoStems, Tiny(), new Random(5));
        var tensors = TfLayoutTensors(network, SpleeterCheckpointMapping.For(TwoStems), new Random(6)).Where(t => t.Name != "conv2d_3/bias");
        var e = Assert.Throws<ArgumentException>(() => SpleeterCheckpointMapping.ToStateDict(new NamedTensorSet("ckpt", tensors), TwoStems));
        Assert.Contains("conv2d_3/bias", e.Message, StringComparison.Ordinal);
        Assert.Contains("ckpt", e.Message, StringComparison.Ordinal);
    }

    internal static SpleeterHyperParameters Tiny() => new() { FrameCount = 64, BinCount = 64, Filters = [2, 3, 4, 4, 5, 6] };

    private static List<TfTensorEntry> WriteSyntheticCheckpoint(string path, SpleeterNetwork network, IReadOnlyList<SpleeterTensorMapping> mappings, Random random)
    {
        var entries = new List<TfTensorEntry>();
        using var file = File.Create(path);
        foreach (var tensor in TfLayoutTensors(network, mappings, random).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            byte[] bytes = MemoryMarshal.AsBytes(tensor.Data.AsSpan()).ToArray();
            entries.Add(new TfTensorEntry(tensor.Name, TfDataType.Float, tensor.Shape, 0, file.Position, bytes.Length, Crc32C.Mask(Crc32C.Compute(bytes))));
            file.Write(bytes);
        }
        return entries;
    }

    /// <summary>Random values for every mapped variable in its TF shape (variances positive).</summary>
    private static IEnumerable<NamedTensorData> TfLayoutTensors(SpleeterNetwork network, IReadOnlyList<SpleeterTensorMapping> mappings, Random random)
    {
        var own = network.StateDict().ToDictionary(e => e.Key, e => e.Value.Shape);
        foreach (var m in mappings)
        {
            int[] s = own[m.Key];
            int[] tfShape = m.Layout == TfLayout.Same ? s : [s[2], s[3], s[1], s[0]];
            var values = Enumerable.Range(0, ElementCount(tfShape)).Select(_ => (float)random.NextDouble() + 0.1f).ToArray();
            yield return new NamedTensorData(m.TfName, tfShape, values);
        }
    }

    private static int ElementCount(int[] shape) => shape.Aggregate(1, (a, b) => a * b);
}
