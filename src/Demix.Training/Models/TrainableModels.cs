using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Models.UNet;
using Demix.Training.Config;

namespace Demix.Training.Models;

/// <summary>The explicit family switch: config -> a fresh trainable model.</summary>
public static class TrainableModels
{
    /// <summary>Builds the family <paramref name="config"/> names with weights from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">Unknown family, or hyper-parameters the network cannot be built with.</exception>
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
                SeedModel karaoke = KaraokeCnnFamily.Create(config.Name, model.KaraokeCnn, random);
                return new SpectrogramNetworkTrainable(karaoke, (VoiceDetectorCnn)karaoke.Network, "vocals");
            case "pix2pix":
                return new Pix2PixTrainable(Pix2PixFamily.Create(config.Name, model.Pix2Pix, random));
            default:
                throw new ArgumentException($"Unknown model family '{model.Family}'.");
        }
    }
}
