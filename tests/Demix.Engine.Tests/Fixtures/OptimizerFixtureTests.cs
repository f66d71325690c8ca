using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Fixtures;

public sealed class OptimizerFixtureTests
{
    [Theory]
    [InlineData("optim_adam")]
    [InlineData("optim_adamw")]
    [InlineData("optim_sgd_momentum")]
    public void ThreeSteps_MatchPyTorch(string name)
    {
        var f = NnFixture.Load(name);
        string[] keys = f.Names.Any(n => n == "param.t") ? ["w", "b", "t"] : ["w", "b"];
        var parameters = keys.Select(k => f.Get("param." + k, requiresGrad: true)).ToArray();
        var initial = parameters.Select(p => (float[])p.Data.Clone()).ToArray();
        var h = f.Hyper;
        Optimizer optimizer = name switch
        {
            "optim_sgd_momentum" => new Sgd(parameters, (float)h.GetProperty("lr").GetDouble(), momentum: (float)h.GetProperty("momentum").GetDouble()),
            "optim_adamw" => new AdamW(parameters, (float)h.GetProperty("lr").GetDouble(), weightDecay: (float)h.GetProperty("weight_decay").GetDouble()),
            _ => new Adam(parameters, (float)h.GetProperty("lr").GetDouble()),
        };
        string[] stateNames = name == "optim_sgd_momentum" ? ["momentum_buffer"] : ["exp_avg", "exp_avg_sq"];
        for (int step = 1; step <= 3; step++)
        {
            for (int i = 0; i < keys.Length; i++) parameters[i].Grad = (float[])f.Get($"grad_step{step}.{keys[i]}").Data.Clone();
            optimizer.Step();
            var state = optimizer.ExportState();
            for (int i = 0; i < keys.Length; i++)
            {
                f.AssertClose($"param_step{step}.{keys[i]}", parameters[i].Data, NnFixture.ForwardTolerance);
                var delta = parameters[i].Data.Select((v, j) => (float)((double)v - initial[i][j])).ToArray();
                f.AssertClose($"delta_step{step}.{keys[i]}", delta, NnFixture.GradientTolerance);
                foreach (var stateName in stateNames)
                {
                    f.AssertClose($"state_step{step}.{stateName}.{keys[i]}", state.Buffers[$"{stateName}.{i}"], NnFixture.ForwardTolerance);
                }
            }
        }
    }
}
