using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Models.OpenUnmix;
using static Demix.Separation.Tests.Models.OpenUnmixFixture;

namespace Demix.Separation.Tests.Models;

/// <summary>
/// The network loaded from the official-format vocals.pth against the PyTorch reference outputs
/// (README tolerance: relative 1e-3 on bins above 1e-3 of the maximum).
/// </summary>
public sealed class OpenUnmixNetworkFixtureTests
{
    private static readonly Lazy<OpenUnmixModel> Model = new(() =>
        OpenUnmixFamily.FromPth("fixture", [("vocals", PthPath)], HyperParameters()));

    [Fact]
    public void MaxBinFor_16kHzAt44100With4096_Is1487() =>
        Assert.Equal(1487, OpenUnmixHyperParameters.MaxBinFor(44100, 4096, 16000));

    [Fact]
    public void Forward_FixtureInput_MatchesReferenceOutputAndActivations()
    {
        int count = Channels * Bins * Frames;
        var input = new Tensor([Frames, 1, Channels, Bins], SampleChannelBinFrameToNetwork(ReadF32("input_magnitude.f32", count), 1, Frames));
        OpenUnmixActivations result;
        using (new NoGradScope()) result = Model.Value.Networks[0].ForwardWithActivations(input);

        AssertClose("act_bn1_out", result.Bn1Output.Data, ReadF32("act_bn1_out.f32", Frames * Hidden), 1e-3);
        AssertClose("act_lstm_out", result.LstmOutput.Data, ReadF32("act_lstm_out.f32", Frames * Hidden), 1e-3);
        AssertClose("act_bn2_out", result.Bn2Output.Data, ReadF32("act_bn2_out.f32", Frames * Hidden), 1e-3);
        float[] expected = SampleChannelBinFrameToNetwork(ReadF32("network_output_vocals_magnitude.f32", count), 1, Frames);
        AssertClose("network output", result.Output.Data, expected, 1e-3);
    }

    [Fact]
    public void Forward_BatchOfTwo_MatchesReferenceBatchOutput()
    {
        const int frames = 8, samples = 2;
        int count = samples * Channels * Bins * frames;
        var input = new Tensor([frames, samples, Channels, Bins], SampleChannelBinFrameToNetwork(ReadF32("forward_batch2_input.f32", count), samples, frames));
        Tensor output;
        using (new NoGradScope()) output = Model.Value.Networks[0].Forward(input);
        float[] expected = SampleChannelBinFrameToNetwork(ReadF32("forward_batch2_output.f32", count), samples, frames);
        AssertClose("batch of 2", output.Data, expected, 1e-3);
    }

    [Fact]
    public void FromPth_StateDict_HasEveryReferenceKey()
    {
        var names = Model.Value.Networks[0].StateDict().Select(e => e.Key).ToList();
        Assert.Equal(46, names.Count);   // the 46 tensors of vocals.pth
        Assert.Contains("lstm.weight_hh_l2_reverse", names);
        Assert.Contains("bn3.num_batches_tracked", names);
    }

    private static void AssertClose(string what, ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance)
    {
        double relative = MaxRelativeOnSignificant(actual, expected);
        Console.WriteLine($"{what}: max relative error {relative:E2} on bins above 1e-3 of the maximum");
        Assert.True(relative <= tolerance, $"{what}: max relative error {relative:E2} > {tolerance:E0}");
    }
}
