using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Models.UNet;

namespace Demix.Separation.Tests.Models.Seeds;

/// <summary>A tiny random model of each family (small channels, the family's own rate and STFT where cheap).</summary>
internal static class TinySeedModels
{
    public static SeedModel Create(string family, Random random) => family switch
    {
        SpleeterFamily.Name => SpleeterFamily.Create("tiny-spleeter", ["vocals", "accompaniment"],
            new SpleeterHyperParameters { FrameCount = 64, BinCount = 128, Filters = [2, 2, 4, 4, 4, 4] }, random),
        UNetFamily.Name => UNetFamily.Create("tiny-unet", new UNetHyperParameters { Levels = 3, BaseChannels = 2 }, random),
        DrnnFamily.Name => DrnnFamily.Create("tiny-drnn", new DrnnHyperParameters { HiddenSize = 8, LayerCount = 2 }, random),
        FrameTransformerFamily.Name => FrameTransformerFamily.Create("tiny-frame-transformer",
            new FrameTransformerHyperParameters { Levels = 2, BaseChannels = 2, ModelWidth = 8, HeadCount = 2, BlockCount = 1, RelativeDistance = 8 }, random),
        KaraokeCnnFamily.Name => KaraokeCnnFamily.Create("tiny-karaoke", new KaraokeCnnHyperParameters { Channels = 2, LayerCount = 2 }, random),
        Pix2PixFamily.Name => Pix2PixFamily.Create("tiny-pix2pix", new Pix2PixHyperParameters { GeneratorChannels = 2, DiscriminatorChannels = 2 }, random),
        _ => throw new ArgumentException($"unknown family {family}"),
    };
}
