using Demix.Engine.Nn;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// One Open-Unmix target network (Stoter, Uhlich, Liutkus and Mitsufuji 2019, sigsep/open-unmix-pytorch
/// <c>OpenUnmix</c>): mixture magnitude in, target magnitude out. Parameter names and shapes equal the
/// reference state dict, so the official <c>.pth</c> files load one to one.
/// </summary>
/// <remarks>
/// Forward: crop to <c>MaxBin</c> bins, (x + input_mean) * input_scale (input_mean is stored negated, input_scale as
/// 1/std), fc1 (no bias) -> bn1 -> tanh, a BLSTM of <c>LayerCount</c> layers (hidden/2 per direction, dropout between
/// layers), concat [tanh output | LSTM output] -> fc2 -> bn2 -> ReLU -> fc3 -> bn3, times output_scale plus
/// output_mean, ReLU, times the uncropped input magnitude. Every op is differentiable, so the network trains as it is.
/// </remarks>
public sealed class OpenUnmixNetwork : Module
{
    private readonly Linear fc1, fc2, fc3;
    private readonly BatchNorm1d bn1, bn2, bn3;
    private readonly Lstm lstm;

    /// <summary>Creates the network with PyTorch's default initialisation from <paramref name="random"/>
    /// (input statistics 0/1, output scale and mean 1, as the reference before training).</summary>
    public OpenUnmixNetwork(OpenUnmixHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        ArgumentNullException.ThrowIfNull(random);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        int hidden = hyperParameters.HiddenSize, channels = hyperParameters.ChannelCount;
        // Registration order = the reference state-dict order (parameters first, then children in declaration order).
        InputMean = RegisterParameter("input_mean", TensorFactory.Zeros(hyperParameters.MaxBin));
        InputScale = RegisterParameter("input_scale", TensorFactory.Ones(hyperParameters.MaxBin));
        OutputScale = RegisterParameter("output_scale", TensorFactory.Ones(hyperParameters.BinCount));
        OutputMean = RegisterParameter("output_mean", TensorFactory.Ones(hyperParameters.BinCount));
        fc1 = Register("fc1", new Linear(hyperParameters.MaxBin * channels, hidden, random, bias: false));
        bn1 = Register("bn1", new BatchNorm1d(hidden));
        int lstmHidden = hyperParameters.Unidirectional ? hidden : hidden / 2;
        float dropout = hyperParameters.LayerCount > 1 ? hyperParameters.LstmDropout : 0f;
        lstm = Register("lstm", new Lstm(new RecurrentOptions(hidden, lstmHidden, hyperParameters.LayerCount,
            Bidirectional: !hyperParameters.Unidirectional, Dropout: dropout), random));
        fc2 = Register("fc2", new Linear(hidden * 2, hidden, random, bias: false));
        bn2 = Register("bn2", new BatchNorm1d(hidden));
        fc3 = Register("fc3", new Linear(hidden, hyperParameters.BinCount * channels, random, bias: false));
        bn3 = Register("bn3", new BatchNorm1d(hyperParameters.BinCount * channels));
    }

    /// <summary>The hyper-parameters.</summary>
    public OpenUnmixHyperParameters HyperParameters { get; }

    /// <summary>[MaxBin], minus the training mean of each input bin.</summary>
    public Tensor InputMean { get; }

    /// <summary>[MaxBin], 1 / the training standard deviation of each input bin.</summary>
    public Tensor InputScale { get; }

    /// <summary>[BinCount], learned output gain.</summary>
    public Tensor OutputScale { get; }

    /// <summary>[BinCount], learned output offset.</summary>
    public Tensor OutputMean { get; }

    /// <summary>Runs the network.</summary>
    /// <param name="magnitude">Mixture magnitude, [frames T, samples S, channels C, bins F] (the reference's internal layout).</param>
    /// <returns>Target magnitude, [T, S, C, F].</returns>
    public Tensor Forward(Tensor magnitude) => ForwardWithActivations(magnitude).Output;

    /// <summary>Runs the network and also returns the intermediate activations (for checks against the reference).</summary>
    public OpenUnmixActivations ForwardWithActivations(Tensor magnitude)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        int frames = magnitude.Size(0), samples = magnitude.Size(1), channels = magnitude.Size(2), bins = magnitude.Size(3);
        if (magnitude.Rank != 4 || channels != HyperParameters.ChannelCount || bins != HyperParameters.BinCount)
        {
            throw new ArgumentException($"Open-Unmix expects [frames, samples, {HyperParameters.ChannelCount}, {HyperParameters.BinCount}], got {magnitude.ShapeText}.");
        }
        int maxBin = HyperParameters.MaxBin, hidden = HyperParameters.HiddenSize;
        Tensor x = magnitude.Slice(3, 0, maxBin);                                  // [T, S, C, maxBin]: bins under the bandwidth
        x = (x + InputMean) * InputScale;
        x = fc1.Forward(x.Reshape(frames * samples, channels * maxBin));           // rows t*S + s, features channel-major
        Tensor bn1Out = bn1.Forward(x);                                            // [T*S, H]
        Tensor encoded = bn1Out.Tanh().Reshape(frames, samples, hidden);           // time-major for the LSTM
        Tensor lstmOut = lstm.Forward(encoded).Output;                             // [T, S, H] = [forward | reverse]
        Tensor skip = Tensor.Concat([encoded, lstmOut], 2);                        // [T, S, 2H]
        Tensor bn2Out = bn2.Forward(fc2.Forward(skip.Reshape(frames * samples, 2 * hidden)));
        Tensor y = bn3.Forward(fc3.Forward(bn2Out.Relu()));                        // [T*S, C*F]
        y = y.Reshape(frames, samples, channels, bins) * OutputScale + OutputMean;
        return new OpenUnmixActivations(bn1Out, lstmOut, bn2Out, y.Relu() * magnitude);
    }
}

/// <summary>Intermediate values of one forward pass.</summary>
/// <param name="Bn1Output">bn1 output before tanh, [T*S, H].</param>
/// <param name="LstmOutput">LSTM output, [T, S, H].</param>
/// <param name="Bn2Output">bn2 output before ReLU, [T*S, H].</param>
/// <param name="Output">Target magnitude, [T, S, C, F].</param>
public sealed record OpenUnmixActivations(Tensor Bn1Output, Tensor LstmOutput, Tensor Bn2Output, Tensor Output);
