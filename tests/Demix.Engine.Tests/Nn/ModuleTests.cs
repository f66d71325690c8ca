using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Nn;

public sealed class ModuleTests
{
    private sealed class Block : Layer
    {
        public Block(Random random)
        {
            Conv = Register("conv", new Conv2d(2, 3, 3, random, ConvOptions.Create(padding: 1)));
            Norm = Register("bn", new BatchNorm2d(3));
        }

        public Conv2d Conv { get; }

        public BatchNorm2d Norm { get; }

        public override Tensor Forward(Tensor input) => Norm.Forward(Conv.Forward(input)).LeakyRelu(0.2f);
    }

    private sealed class Net : Layer
    {
        public Net(Random random)
        {
            Encoder = Register("encoder", new Sequential(new Block(random), new Dropout(0.5f, random)));
            Head = Register("head", new Linear(3, 2, random));
        }

        public Sequential Encoder { get; }

        public Linear Head { get; }

        public override Tensor Forward(Tensor input) => Head.Forward(Encoder.Forward(input).Mean([2, 3]));
    }

    [Fact]
    public void StateDict_UsesPyTorchKeysAndOrder()
    {
        var net = new Net(new Random(1));
        string[] expected =
        [
            "encoder.0.conv.weight", "encoder.0.conv.bias",
            "encoder.0.bn.weight", "encoder.0.bn.bias", "encoder.0.bn.running_mean", "encoder.0.bn.running_var", "encoder.0.bn.num_batches_tracked",
            "head.weight", "head.bias",
        ];
        Assert.Equal(expected, net.StateDict().Select(e => e.Key));
        Assert.Equal(3 * 2 * 9 + 3 + 3 + 3 + 2 * 3 + 2, net.ParameterCount());
        Assert.Equal(6, net.Parameters().Count);
    }

    [Fact]
    public void LoadStateDict_RoundTripsAndRejectsMismatches()
    {
        var source = new Net(new Random(1));
        var target = new Net(new Random(2));
        target.LoadStateDict(source.StateDict().ToDictionary(e => e.Key, e => e.Value.Clone()));
        foreach (var ((_, a), (_, b)) in source.StateDict().Zip(target.StateDict())) Assert.Equal(a.Data, b.Data);

        var missing = source.StateDict().Where(e => e.Key != "head.bias").ToDictionary(e => e.Key, e => e.Value);
        var error = Assert.Throws<ArgumentException>(() => target.LoadStateDict(missing));
        Assert.Contains("head.bias", error.Message);
        target.LoadStateDict(missing, strict: false);

        var wrongShape = source.StateDict().ToDictionary(e => e.Key, e => e.Value);
        wrongShape["head.weight"] = new Tensor(3, 2);
        Assert.Throws<ArgumentException>(() => target.LoadStateDict(wrongShape));
    }

    [Fact]
    public void TrainEval_ReachesEverySubmodule()
    {
        var net = new Net(new Random(1));
        Assert.True(net.Encoder.Layers[0].Training);
        net.Eval();
        Assert.False(((Block)net.Encoder.Layers[0]).Norm.Training);
        var x = TensorFactory.Randn(new Random(3), [2, 2, 5, 5]);
        Assert.Equal(net.Forward(x).Data, net.Forward(x).Data); // eval: no dropout, running statistics
        net.Train();
        Assert.True(net.Head.Training);
    }

    [Fact]
    public void SetRequiresGrad_FreezesEveryParameter()
    {
        var net = new Net(new Random(1));
        net.SetRequiresGrad(false);
        Assert.All(net.Parameters(), p => Assert.False(p.RequiresGrad));
        var x = TensorFactory.Randn(new Random(3), [2, 2, 5, 5]);
        x.RequiresGrad = true;
        net.Forward(x).Sum().Backward();
        Assert.NotNull(x.Grad);
        Assert.All(net.Parameters(), p => Assert.Null(p.Grad));
        net.SetRequiresGrad(true);
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void DefaultInit_FollowsPyTorchBounds()
    {
        var linear = new Linear(100, 50, new Random(1));
        float bound = 1f / MathF.Sqrt(100);
        Assert.All(linear.Weight.Data, v => Assert.InRange(v, -bound, bound));
        Assert.All(linear.Bias!.Data, v => Assert.InRange(v, -bound, bound));
        Assert.True(linear.Weight.Data.Max() > 0.9f * bound);
        var deconv = new ConvTranspose2d(8, 4, 5, new Random(1));
        float deconvBound = 1f / MathF.Sqrt(4 * 25);
        Assert.All(deconv.Weight.Data, v => Assert.InRange(v, -deconvBound, deconvBound));
        Assert.True(deconv.Weight.Data.Max() > 0.9f * deconvBound);
    }

    [Fact]
    public void SeededConstruction_IsReproducible()
    {
        var a = new Net(new Random(5));
        var b = new Net(new Random(5));
        foreach (var ((_, x), (_, y)) in a.StateDict().Zip(b.StateDict())) Assert.Equal(x.Data, y.Data);
    }

    [Fact]
    public void DuplicateOrDottedNames_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new BadModule("a.b"));
        Assert.Throws<ArgumentException>(() => new BadModule("weight", twice: true));
    }

    private sealed class BadModule : Module
    {
        public BadModule(string name, bool twice = false)
        {
            RegisterParameter(name, new Tensor(1));
            if (twice) RegisterBuffer(name, new Tensor(1));
        }
    }
}
