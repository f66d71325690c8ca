using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Recurrent;

/// <summary>The Open-Unmix-like block of <c>composite_blstm_train</c>: fc1 → BatchNorm (training) → tanh → BLSTM → skip concat → fc2 → ReLU.</summary>
public sealed class CompositeBlstmTests
{
    [Fact]
    public void TrainingModeBlock_MatchesPyTorchOutputsIntermediatesBuffersAndGradients()
    {
        var fixture = new TorchCase("composite_blstm_train");
        var lstm = new Lstm(new RecurrentOptions(16, 8, Bidirectional: true), new Random(1));
        fixture.LoadParameters(lstm.NamedParameters(), "lstm.");
        var fc1 = fixture.Get("param.fc1.weight", true);
        var bnWeight = fixture.Get("param.bn1.weight", true);
        var bnBias = fixture.Get("param.bn1.bias", true);
        var fc2 = fixture.Get("param.fc2.weight", true);
        var fc2Bias = fixture.Get("param.fc2.bias", true);
        var runningMean = fixture.Get("buffer.bn1.running_mean");
        var runningVar = fixture.Get("buffer.bn1.running_var");
        var input = fixture.Get("input", true);

        var fc1Out = Tensor.Linear(input.Reshape(18, 12), fc1, null);
        var bnOut = Tensor.BatchNorm(fc1Out, runningMean, runningVar, bnWeight, bnBias, training: true);
        var tanhOut = bnOut.Tanh().Reshape(9, 2, 16);
        var lstmOut = lstm.Forward(tanhOut).Output;
        var joined = Tensor.Concat([tanhOut, lstmOut], 2);
        var fc2Out = Tensor.Linear(joined.Reshape(18, 32), fc2, fc2Bias).Reshape(9, 2, 12);
        var output = fc2Out.Relu();

        fixture.AssertForward("aux.fc1_out", fc1Out.Reshape(9, 2, 16));
        fixture.AssertForward("aux.tanh_out", tanhOut);
        fixture.AssertForward("aux.lstm_out", lstmOut);
        fixture.AssertForward("aux.fc2_out", fc2Out);
        fixture.AssertForward("output", output);
        fixture.AssertForward("buffer_after.bn1.running_mean", runningMean);
        fixture.AssertForward("buffer_after.bn1.running_var", runningVar);

        fixture.Loss(("output", output)).Backward();
        fixture.AssertGradient("input", input);
        fixture.AssertGradient("param.fc1.weight", fc1);
        fixture.AssertGradient("param.bn1.weight", bnWeight);
        fixture.AssertGradient("param.bn1.bias", bnBias);
        fixture.AssertGradient("param.fc2.weight", fc2);
        fixture.AssertGradient("param.fc2.bias", fc2Bias);
        foreach (var (name, parameter) in lstm.NamedParameters()) fixture.AssertGradient("param.lstm." + name, parameter);
    }
}
