using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Fixtures;

public sealed class FunctionFixtureTests
{
    [Theory]
    [InlineData("act_elu")]
    [InlineData("act_gelu_erf")]
    [InlineData("act_leaky_relu_0p2")]
    [InlineData("act_log_softmax_dim1")]
    [InlineData("act_sigmoid")]
    [InlineData("act_softmax_dim1")]
    [InlineData("act_squared_relu")]
    [InlineData("act_tanh")]
    public void Activation_MatchesPyTorch(string name)
    {
        var f = NnFixture.Load(name);
        var input = f.Get("input", requiresGrad: true);
        var output = name switch
        {
            "act_elu" => input.Elu((float)f.Hyper.GetProperty("alpha").GetDouble()),
            "act_gelu_erf" => input.Gelu(),
            "act_leaky_relu_0p2" => input.LeakyRelu((float)f.Hyper.GetProperty("negative_slope").GetDouble()),
            "act_log_softmax_dim1" => input.LogSoftmax(f.Hyper.GetProperty("dim").GetInt32()),
            "act_sigmoid" => input.Sigmoid(),
            "act_softmax_dim1" => input.Softmax(f.Hyper.GetProperty("dim").GetInt32()),
            "act_squared_relu" => input.SquaredRelu(),
            "act_tanh" => input.Tanh(),
            _ => throw new ArgumentException(name),
        };
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
    }

    [Theory]
    [InlineData("loss_mse")]
    [InlineData("loss_l1")]
    [InlineData("loss_bce_with_logits")]
    public void Loss_MatchesPyTorch(string name)
    {
        var f = NnFixture.Load(name);
        var input = f.Get("input", requiresGrad: true);
        var target = f.Get("input.target", requiresGrad: true);
        var output = name switch
        {
            "loss_mse" => Tensor.MseLoss(input, target),
            "loss_l1" => Tensor.L1Loss(input, target),
            _ => Tensor.BceWithLogitsLoss(input, target),
        };
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("input.target", target);
    }
}
