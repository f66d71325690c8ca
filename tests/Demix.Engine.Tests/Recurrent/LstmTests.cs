using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Recurrent;

public sealed class LstmTests
{
    [Fact]
    public void Forward_OneLayerWithInitialState_MatchesPyTorchValuesAndGradients()
    {
        var fixture = new TorchCase("lstm_1layer_h0c0");
        var lstm = new Lstm(new RecurrentOptions(6, 5), new Random(1));
        lstm.Eval();
        fixture.LoadParameters(lstm.NamedParameters());
        var input = fixture.Get("input", requiresGrad: true);
        var h0 = fixture.Get("input.h0", requiresGrad: true);
        var c0 = fixture.Get("input.c0", requiresGrad: true);
        var result = lstm.Forward(input, h0, c0);
        fixture.AssertForward("output", result.Output);
        fixture.AssertForward("output.h_n", result.Hidden);
        fixture.AssertForward("output.c_n", result.Cell);
        fixture.Loss(("output", result.Output), ("output.h_n", result.Hidden), ("output.c_n", result.Cell)).Backward();
        fixture.AssertGradient("input", input);
        fixture.AssertGradient("input.h0", h0);
        fixture.AssertGradient("input.c0", c0);
        foreach (var (name, parameter) in lstm.NamedParameters()) fixture.AssertGradient("param." + name, parameter);
    }

    [Fact]
    public void Forward_TwoLayerBidirectional_MatchesPyTorchValuesAndGradients()
    {
        var fixture = new TorchCase("lstm_2layer_bidir");
        var lstm = new Lstm(new RecurrentOptions(6, 5, LayerCount: 2, Bidirectional: true), new Random(1));
        lstm.Eval();
        fixture.LoadParameters(lstm.NamedParameters());
        var input = fixture.Get("input", requiresGrad: true);
        var result = lstm.Forward(input);
        fixture.AssertForward("output", result.Output);
        fixture.AssertForward("output.h_n", result.Hidden);
        fixture.AssertForward("output.c_n", result.Cell);
        fixture.Loss(("output", result.Output), ("output.h_n", result.Hidden), ("output.c_n", result.Cell)).Backward();
        fixture.AssertGradient("input", input);
        foreach (var (name, parameter) in lstm.NamedParameters()) fixture.AssertGradient("param." + name, parameter);
    }

    [Fact]
    public void Parameters_HavePyTorchNamesShapesAndInitRange()
    {
        var lstm = new Lstm(new RecurrentOptions(6, 4, LayerCount: 2, Bidirectional: true), new Random(3));
        Assert.Equal(
            ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
             "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"],
            lstm.NamedParameters().Select(p => p.Name));
        Assert.Equal([16, 8], lstm.LayerWeights(1, 1).InputWeight.Shape);
        Assert.All(lstm.NamedParameters().SelectMany(p => p.Tensor.Data), v => Assert.InRange(v, -0.5f, 0.5f));
    }

    [Fact]
    public void Backward_BidirectionalWithStates_MatchesFiniteDifferences()
    {
        var options = new RecurrentOptions(3, 4, LayerCount: 2, Bidirectional: true);
        var lstm = new Lstm(options, new Random(5));
        var input = TestTensors.Randn(11, 4, 2, 3);
        var h0 = TestTensors.Randn(12, 4, 2, 4);
        var c0 = TestTensors.Randn(13, 4, 2, 4);
        Tensor[] inputs = [input, h0, c0, .. lstm.NamedParameters().Select(p => p.Tensor)];
        GradCheck.Check(x =>
        {
            var r = lstm.Forward(x[0], x[1], x[2]);
            return Tensor.Concat([r.Output.Reshape(-1), r.Hidden.Reshape(-1), r.Cell.Reshape(-1)], 0);
        }, inputs, step: 1e-2f);
    }

    [Fact]
    public void Forward_BatchFirst_EqualsTimeMajorTransposed()
    {
        var timeMajor = new Lstm(new RecurrentOptions(3, 4, Bidirectional: true), new Random(7));
        var batchFirst = new Lstm(new RecurrentOptions(3, 4, Bidirectional: true, BatchFirst: true), new Random(7));
        var x = TensorFactory.Randn(new Random(8), [5, 2, 3]);
        var expected = timeMajor.Forward(x).Output.Transpose(0, 1);
        var actual = batchFirst.Forward(x.Transpose(0, 1)).Output;
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void Forward_DropoutBetweenLayers_OnlyInTraining()
    {
        var lstm = new Lstm(new RecurrentOptions(3, 8, LayerCount: 2, Dropout: 0.5f), new Random(9));
        var x = TensorFactory.Randn(new Random(10), [6, 2, 3]);
        lstm.Eval();
        var eval1 = lstm.Forward(x).Output.Data;
        var eval2 = lstm.Forward(x).Output.Data;
        lstm.Train();
        var train = lstm.Forward(x).Output.Data;
        Assert.Equal(eval1, eval2);
        Assert.True(TorchCase.RelativeError(train, eval1) > 1e-2, "dropout changed nothing in training mode");
        var oneLayer = new Lstm(new RecurrentOptions(3, 8, Dropout: 0.5f), new Random(9));
        Assert.Equal(oneLayer.Forward(x).Output.Data, oneLayer.Forward(x).Output.Data);
    }
}
