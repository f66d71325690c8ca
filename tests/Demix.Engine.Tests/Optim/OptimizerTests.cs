using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Optim;

public sealed class OptimizerTests
{
    private static Tensor[] Parameters(int seed) => [TestTensors.Randn(seed, 3, 4), TestTensors.Randn(seed + 1, 5)];

    private static void SetGradients(Tensor[] parameters, int step)
    {
        var random = new Random(100 + step);
        foreach (var p in parameters) p.Grad = TensorFactory.Randn(random, p.Shape).Data;
    }

    public static TheoryData<string> Kinds => new() { "sgd", "nesterov", "adam", "adamw" };

    private static Optimizer Create(string kind, Tensor[] parameters) => kind switch
    {
        "sgd" => new Sgd(parameters, 0.1f, momentum: 0.9f, weightDecay: 0.01f),
        "nesterov" => new Sgd(parameters, 0.1f, momentum: 0.9f, nesterov: true),
        "adam" => new Adam(parameters, 0.01f, weightDecay: 0.01f),
        _ => new AdamW(parameters, 0.01f),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ExportedState_ResumesExactly(string kind)
    {
        var straight = Parameters(1);
        var optimizer = Create(kind, straight);
        for (int step = 0; step < 5; step++)
        {
            SetGradients(straight, step);
            optimizer.Step();
        }

        var resumed = Parameters(1);
        var first = Create(kind, resumed);
        for (int step = 0; step < 2; step++)
        {
            SetGradients(resumed, step);
            first.Step();
        }
        var state = OptimizerState.FromNamedTensors(first.ExportState().ToNamedTensors());
        var second = Create(kind, resumed);
        second.ImportState(state);
        for (int step = 2; step < 5; step++)
        {
            SetGradients(resumed, step);
            second.Step();
        }
        for (int i = 0; i < straight.Length; i++) Assert.Equal(straight[i].Data, resumed[i].Data);
        Assert.Equal(5, second.StepCount);
    }

    [Fact]
    public void Nesterov_MatchesHandComputedStep()
    {
        var p = TensorFactory.FromArray([1f]);
        p.RequiresGrad = true;
        var sgd = new Sgd([p], 0.1f, momentum: 0.5f, nesterov: true);
        p.Grad = [2f];
        sgd.Step(); // buf = 2; g = 2 + 0.5 * 2 = 3; p = 1 - 0.3
        Assert.Equal(0.7f, p.Data[0], 6);
        p.Grad = [2f];
        sgd.Step(); // buf = 0.5 * 2 + 2 = 3; g = 2 + 1.5 = 3.5; p = 0.7 - 0.35
        Assert.Equal(0.35f, p.Data[0], 6);
    }

    [Fact]
    public void ClipByGlobalNorm_ScalesToTheLimit()
    {
        var a = TensorFactory.FromArray([3f]);
        var b = TensorFactory.FromArray([4f]);
        a.RequiresGrad = b.RequiresGrad = true;
        a.Grad = [3f];
        b.Grad = [4f];
        double norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);
        Assert.Equal(5.0, norm, 6);
        Assert.Equal(0.6f, a.Grad[0], 5);
        Assert.Equal(0.8f, b.Grad[0], 5);
        Assert.Equal(1.0, GradientClipping.ClipByGlobalNorm([a, b], 2.0), 4);
        Assert.Equal(0.6f, a.Grad[0], 5);
    }

    [Fact]
    public void Schedulers_FollowTheirFormulas()
    {
        var p = TestTensors.Randn(1, 2);
        var sgd = new Sgd([p], 1f);
        var stepLr = new StepLearningRate(sgd, stepSize: 2, gamma: 0.5f);
        var rates = Enumerable.Range(0, 5).Select(_ => { stepLr.Step(); return sgd.LearningRate; }).ToArray();
        Assert.Equal([1f, 0.5f, 0.5f, 0.25f, 0.25f], rates);

        var cosine = new CosineWithWarmup(new Sgd([p], 1f), warmupSteps: 4, totalSteps: 14, minLearningRate: 0.1f);
        Assert.Equal(0.25f, cosine.RateAt(0), 6);
        Assert.Equal(1f, cosine.RateAt(4), 6);
        Assert.Equal(0.55f, cosine.RateAt(9), 5);
        Assert.Equal(0.1f, cosine.RateAt(14), 6);
        Assert.Equal(0.1f, cosine.RateAt(100), 6);

        var plateauSgd = new Sgd([p], 1f);
        var plateau = new ReduceOnPlateau(plateauSgd, factor: 0.5f, patience: 2);
        foreach (double metric in new[] { 1.0, 0.9, 0.95, 0.95, 0.95 }) plateau.Step(metric);
        Assert.Equal(0.5f, plateauSgd.LearningRate);
        Assert.Equal(0.9, plateau.Best);
    }
}
