using Demix.Engine.Io;
using Demix.Engine.Io.Pth;
using Demix.Engine.Nn;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;
using Demix.Tests.Shared;

namespace Demix.Engine.Tests.Recurrent;

/// <summary>The Open-Unmix fixture's LSTM, loaded from the official-format .pth and run on the recorded bn1 output.</summary>
public sealed class OpenUnmixLstmTests
{
    [Fact]
    public void LstmFromPth_OnRecordedActivations_MatchesTheReferenceOutput()
    {
        var weights = PthReader.Read(RepositoryPaths.Fixture("openunmix", "vocals.pth"));
        var lstmWeights = new NamedTensorSet("vocals.pth",
            weights.Where(t => t.Name.StartsWith("lstm.", StringComparison.Ordinal)).Select(t => t with { Name = t.Name["lstm.".Length..] }));
        var lstm = new Lstm(new RecurrentOptions(64, 32, LayerCount: 3, Bidirectional: true, Dropout: 0.4f), new Random(1));
        lstm.LoadStateDict(lstmWeights);
        lstm.Eval();
        var bn1 = ReadF32("act_bn1_out.f32", 130, 64);
        var output = lstm.Forward(bn1.Tanh().Reshape(130, 1, 64)).Output;
        var expected = ReadF32("act_lstm_out.f32", 130, 1, 64);
        Assert.Equal(expected.Shape, output.Shape);
        double error = TorchCase.RelativeError(output.Data, expected.Data);
        Assert.True(error < 1e-4, $"relative error {error:E2}");
    }

    private static Tensor ReadF32(string name, params int[] shape)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture("openunmix", name));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return new Tensor(shape, values);
    }
}
