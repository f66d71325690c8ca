using Demix.Dsp.Stft;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// Open-Unmix trained as published (sigsep <c>train.py</c>): one network for the target, MSE between its magnitude
/// estimate and the target magnitude; input mean and scale start at the training data's per-bin statistics.
/// </summary>
public sealed class OpenUnmixTrainable : ITrainableModel
{
    private readonly OpenUnmixNetwork network;
    private readonly string target;

    /// <summary>Builds a fresh network with weights from <paramref name="random"/> (which dropout keeps using).</summary>
    public OpenUnmixTrainable(string name, OpenUnmixConfig config, string target, int channels, Random random)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.target = target;
        var hyperParameters = new OpenUnmixHyperParameters
        {
            BinCount = config.FftSize / 2 + 1,
            MaxBin = OpenUnmixHyperParameters.MaxBinFor(config.SampleRate, config.FftSize, config.BandwidthHz),
            ChannelCount = channels,
            HiddenSize = config.HiddenSize,
            LayerCount = config.LayerCount,
            LstmDropout = config.LstmDropout,
        };
        network = new OpenUnmixNetwork(hyperParameters, random);
        ModelCard card = OpenUnmixFamily.NewCard(name, [target], hyperParameters) with
        {
            SampleRate = config.SampleRate,
            Stft = new StftSettings(config.FftSize, config.HopSize),
        };
        Model = new OpenUnmixModel(card, [network]);
        SampleRate = config.SampleRate;
        Stft = card.Stft.ToConfig();
    }

    /// <inheritdoc />
    public ISeparationModel Model { get; }

    /// <inheritdoc />
    public Module Network => network;

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public StftConfig Stft { get; }

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor mixture = Layout(batch, batch.Mixture);          // [T, S, C, F], the reference's time-major layout
        Tensor estimate = network.Forward(mixture);
        return Tensor.MseLoss(estimate, Layout(batch, batch.Target(target)));
    }

    /// <inheritdoc />
    public ITrainingStep CreateStep(OptimizerConfig optimizer) => GradientStep.Create(this, optimizer);

    /// <inheritdoc />
    public void Initialise(IReadOnlyList<Batch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        int maxBin = network.HyperParameters.MaxBin;
        var sum = new double[maxBin];
        var squares = new double[maxBin];
        long rows = 0;
        foreach (Batch batch in batches)
        {
            for (int row = 0; row < batch.Examples * batch.Channels * batch.Frames; row++, rows++)
            {
                for (int f = 0; f < maxBin; f++)
                {
                    double value = batch.Mixture[row * batch.Bins + f];
                    sum[f] += value;
                    squares[f] += value * value;
                }
            }
        }
        for (int f = 0; f < maxBin; f++)
        {
            double mean = sum[f] / rows, variance = Math.Max(0, squares[f] / rows - mean * mean);
            network.InputMean.Data[f] = (float)-mean;
            network.InputScale.Data[f] = (float)(1 / Math.Max(Math.Sqrt(variance), 1e-5));
        }
    }

    /// <summary>[S, C, T, F] flattened to a [T, S, C, F] tensor.</summary>
    private static Tensor Layout(Batch batch, float[] values) =>
        new Tensor([batch.Examples, batch.Channels, batch.Frames, batch.Bins], values).Permute(2, 0, 1, 3);
}
