using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Recurrent;

public sealed class GruTests
{
    [Fact]
    public void Forward_TwoLayerBidirectional_MatchesPyTorchValuesAndGradients()
    {
        var fixture = new TorchCase("gru_2layer_bidir");
        var gru = new Gru(new RecurrentOptions(6, 5, LayerCount: 2, Bidirectional: true), new Random(1));
        gru.Eval();
        fixture.LoadParameters(gru.NamedParameters());
        var input = fixture.Get("input", requiresGrad: true);
        var (output, hidden) = gru.Forward(input);
        fixture.AssertForward("output", output);
        fixture.AssertForward("output.h_n", hidden);
        fixture.Loss(("output", output), ("output.h_n", hidden)).Backward();
        fixture.AssertGradient("input", input);
        foreach (var (name, parameter) in gru.NamedParameters()) fixture.AssertGradient("param." + name, parameter);
    }

    [Fact]
    public void Backward_BidirectionalWithInitialState_MatchesFiniteDifferences()
    {
        var gru = new Gru(new RecurrentOptions(3, 4, LayerCount: 2, Bidirectional: true), new Random(5));
        var input = TestTensors.Randn(21, 4, 2, 3);
        var h0 = TestTensors.Randn(22, 4, 2, 4);
        Tensor[] inputs = [input, h0, .. gru.NamedParameters().Select(p => p.Tensor)];
        GradCheck.Check(x =>
        {
            var (output, hidden) = gru.Forward(x[0], x[1]);
            return Tensor.Concat([output.Reshape(-1), hidden.Reshape(-1)], 0);
        }, inputs, step: 1e-2f);
    }

    [Fact]
    public void Forward_WithoutBias_HasNoBiasParametersAndStillLearnsShapes()
    {
        var gru = new Gru(new RecurrentOptions(3, 4, Bias: false, BatchFirst: true), new Random(2));
        Assert.Equal(["weight_ih_l0", "weight_hh_l0"], gru.NamedParameters().Select(p => p.Name));
        var (output, hidden) = gru.Forward(TensorFactory.Randn(new Random(3), [2, 5, 3]));
        Assert.Equal([2, 5, 4], output.Shape);
        Assert.Equal([1, 2, 4], hidden.Shape);
        Assert.Equal(output.Select(1, 4).Data, hidden.Select(0, 0).Data);
    }
}

public sealed class RecurrentValidationTests
{
    [Fact]
    public void Options_RejectNonPositiveSizesAndBadDropout()
    {
        Assert.Throws<ArgumentException>(() => new Lstm(new RecurrentOptions(0, 4), new Random(1)));
        Assert.Throws<ArgumentException>(() => new Gru(new RecurrentOptions(3, 4, LayerCount: 0), new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lstm(new RecurrentOptions(3, 4, Dropout: 1f), new Random(1)));
    }

    [Fact]
    public void Forward_WrongInputOrStateShape_SaysWhatWasExpected()
    {
        var lstm = new Lstm(new RecurrentOptions(3, 4, LayerCount: 2, Bidirectional: true), new Random(1));
        var wrongFeatures = Assert.Throws<ArgumentException>(() => lstm.Forward(new Tensor(5, 2, 6)));
        Assert.Contains("[T, B, 3]", wrongFeatures.Message);
        var wrongState = Assert.Throws<ArgumentException>(() => lstm.Forward(new Tensor(5, 2, 3), new Tensor(2, 2, 4)));
        Assert.Contains("h0 must be [4, 2, 4]", wrongState.Message);
    }
}
