using Demix.Dsp.Stft;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Models.Seeds;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// S0 pix2pix (Isola et al. 2017) on spectrogram images: each channel of each example becomes one image of its
/// first <c>imageSize</c> frames and lowest <c>imageSize</c> bins (<see cref="SpectrogramImage"/>, the mapping the
/// separator inverts); the generator maps mixture images to vocal images. The step is the GAN's
/// (<see cref="AdversarialStep"/>); <see cref="Loss"/> is the generator's L1 term, which the validation loss reports.
/// </summary>
public sealed class Pix2PixTrainable : ITrainableModel
{
    private readonly Pix2PixNetwork network;
    private readonly SpectrogramImage images;

    /// <summary>Wraps a model built by <see cref="Pix2PixFamily.Create"/>.</summary>
    public Pix2PixTrainable(SeedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        network = (Pix2PixNetwork)model.Network;
        Pix2PixHyperParameters hp = network.HyperParameters;
        images = new SpectrogramImage(hp.ReferenceMagnitude, hp.DynamicRangeDb, hp.ImageSize);
        SampleRate = model.Card.SampleRate;
        Stft = model.Card.Stft.ToConfig();
    }

    /// <inheritdoc />
    public ISeparationModel Model { get; }

    /// <summary>Both networks (state-dict keys <c>generator.*</c> and <c>discriminator.*</c>).</summary>
    public Module Network => network;

    /// <summary>The generator and the discriminator.</summary>
    public Pix2PixNetwork Networks => network;

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public StftConfig Stft { get; }

    /// <summary>L1 between the generated and the real vocal images (pixels in [-1, 1]).</summary>
    public Tensor Loss(Batch batch)
    {
        (Tensor condition, Tensor target) = Images(batch);
        return Tensor.L1Loss(network.Generator.Forward(condition), target);
    }

    /// <inheritdoc />
    public void Initialise(IReadOnlyList<Batch> batches)
    {
    }

    /// <inheritdoc />
    public ITrainingStep CreateStep(OptimizerConfig optimizer) => new AdversarialStep(this, optimizer);

    /// <summary>Mixture and vocal images, each [examples * channels, 1, size, size] (frames past the chunk are black).</summary>
    /// <exception cref="InvalidOperationException">The batch has fewer bins than the image has rows.</exception>
    public (Tensor Condition, Tensor Target) Images(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int size = images.Size;
        if (batch.Bins < size) throw new InvalidOperationException($"Spectrograms of {batch.Bins} bins cannot fill {size}-pixel images: raise fftSize.");
        return (Stack(batch, batch.Mixture), Stack(batch, batch.Vocals));
    }

    private Tensor Stack(Batch batch, float[] magnitude)
    {
        int count = batch.Examples * batch.Channels, plane = batch.Frames * batch.Bins, pixels = images.Size * images.Size;
        var data = new float[count * pixels];
        for (int i = 0; i < count; i++)
            images.ToImage(magnitude.AsSpan(i * plane, plane), batch.Frames, batch.Bins, 0).CopyTo(data, i * pixels);
        return new Tensor([count, 1, images.Size, images.Size], data);
    }
}
