using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Models.UNet;
using Demix.Training.Config;

namespace Demix.Training.Models;

/// <summary>The explicit family switch: config -> a fresh trainable model.</summary>
public static class TrainableModels
{
    /// <summary>Builds the family <paramref name="config"/> names with weights from <paramref name="random"/>.</summary>
    /// <exception cref="NotSupportedException">The family's network has not landed in Demix.Separation yet.</exception>
    public static ITrainableModel Create(TrainingConfig config, Random random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ModelConfig model = config.Model;
        switch (model.Family)
        {
            case "open-unmix":
                return new OpenUnmixTrainable(config.Name, model.OpenUnmix, model.Target, config.Data.Channels, random);
            case "unet":
                SeedModel unet = UNetFamily.Create(config.Name, model.Unet, random);
                return new SpectrogramNetworkTrainable(unet, (VocalUNet)unet.Network, "vocals");
            case "frame-transformer":
                SeedModel transformer = FrameTransformerFamily.Create(config.Name, model.FrameTransformer, random);
                return new SpectrogramNetworkTrainable(transformer, (FrameTransformerNetwork)transformer.Network, "accompaniment");
            case "drnn":
                return new DrnnTrainable(DrnnFamily.Create(config.Name, model.Drnn, random));
            case "karaoke-cnn":
            case "pix2pix":
                throw new NotSupportedException($"Model family '{model.Family}' cannot be trained yet: its network has not landed in Demix.Separation.");
            default:
                throw new ArgumentException($"Unknown model family '{model.Family}'.");
        }
    }
}
