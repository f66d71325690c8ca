using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Fixtures;

public sealed class NormFixtureTests
{
    [Theory]
    [InlineData("batch_norm2d_train")]
    [InlineData("batch_norm2d_eval")]
    [InlineData("batch_norm1d_nc_train")]
    [InlineData("batch_norm1d_nc_eval")]
    [InlineData("batch_norm1d_ncl_train")]
    [InlineData("batch_norm1d_ncl_eval")]
    public void BatchNorm_MatchesPyTorch(string name)
    {
        var f = NnFixture.Load(name);
        int features = f.Hyper.GetProperty("num_features").GetInt32();
        BatchNormBase layer = name.StartsWith("batch_norm2d", StringComparison.Ordinal) ? new BatchNorm2d(features) : new BatchNorm1d(features);
        var state = f.StateDict();
        state["num_batches_tracked"] = TensorFactory.Scalar(0f);
        layer.LoadStateDict(state);
        layer.Train(f.Mode == "train");
        var input = f.Get("input", requiresGrad: true);
        var output = layer.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", layer.Weight!);
        f.AssertGrad("param.bias", layer.Bias!);
        int after = f.Sidecar.GetProperty("integer_buffers").GetProperty("num_batches_tracked").GetProperty("after").GetInt32();
        Assert.Equal(after, layer.BatchesTracked.Item());
        if (f.Mode != "train") return;
        f.AssertForward("buffer_after.running_mean", layer.RunningMean);
        f.AssertForward("buffer_after.running_var", layer.RunningVar);
    }

    [Fact]
    public void LayerNorm_MatchesPyTorch()
    {
        var f = NnFixture.Load("layer_norm_lastdim");
        var layer = new LayerNorm(8);
        layer.LoadStateDict(f.StateDict());
        var input = f.Get("input", requiresGrad: true);
        var output = layer.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", layer.Weight!);
        f.AssertGrad("param.bias", layer.Bias!);
    }

    [Fact]
    public void GroupNorm_MatchesPyTorch()
    {
        var f = NnFixture.Load("group_norm_g4");
        var layer = new GroupNorm(4, 8);
        layer.LoadStateDict(f.StateDict());
        var input = f.Get("input", requiresGrad: true);
        var output = layer.Forward(input);
        f.AssertForward("output", output);
        f.Backward(output);
        f.AssertGrad("input", input);
        f.AssertGrad("param.weight", layer.Weight!);
        f.AssertGrad("param.bias", layer.Bias!);
    }
}
