using Demix.Engine.Io;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Models.UNet;

namespace Demix.Separation.Models;

/// <summary>
/// The explicit map from a card's <see cref="ModelCard.Family"/> to the code that builds the model from its
/// card and weights. No reflection: every family is one line here. Families added later (Spleeter, the seed
/// systems S0-S4) register their loader in <see cref="entries"/>.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Builds a model of one family from its card and its weights.</summary>
    public delegate ISeparationModel Loader(ModelCard card, NamedTensorSet weights);

    private static readonly Dictionary<string, (string Description, Loader Load)> entries = new(StringComparer.Ordinal)
    {
        [OpenUnmixFamily.Name] = ("Open-Unmix (Stoter et al. 2019): BLSTM on magnitude spectra + multichannel Wiener filter", OpenUnmixFamily.Load),
        [SpleeterFamily.Name] = ("Spleeter (Hennequin et al. 2020): one 6-level U-Net per stem, soft masks; reads the official TF checkpoints", SpleeterFamily.Load),
        [Pix2PixFamily.Name] = ("S0 pix2pix (Isola et al. 2017): U-Net generator + PatchGAN on 256x256 spectrogram images", Pix2PixFamily.Load),
        [UNetFamily.Name] = ("S1 U-Net vocal extractor (Jansson et al. 2017) on magnitude spectrograms", UNetFamily.Load),
        [DrnnFamily.Name] = ("S2 DRNN (Huang et al. 2014/2015): stacked GRU, joint time-frequency masking", DrnnFamily.Load),
        [FrameTransformerFamily.Name] = ("S3 frame-conv transformer: Nx1 frame convolutions, relative-attention blocks across time", FrameTransformerFamily.Load),
        [KaraokeCnnFamily.Name] = ("S4 karaoke CNN: voice detector predicting the vocal magnitude; karaoke = mix - vocals", KaraokeCnnFamily.Load),
    };

    /// <summary>Every family name.</summary>
    public static IReadOnlyCollection<string> Names => entries.Keys;

    /// <summary>True when <paramref name="family"/> is known.</summary>
    public static bool Contains(string family) => entries.ContainsKey(family);

    /// <summary>One line about <paramref name="family"/>.</summary>
    public static string Describe(string family) => Find(family, family).Description;

    /// <summary>Builds the model the card describes from <paramref name="weights"/>.</summary>
    /// <param name="source">The card's file, for error messages.</param>
    /// <exception cref="ModelFileException">Unknown family, or weights that do not fit it.</exception>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights, string source)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(weights);
        var loader = Find(card.Family, source).Load;
        try
        {
            return loader(card, weights);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(source, $"the weights do not fit family '{card.Family}': {e.Message}", e);
        }
    }

    private static (string Description, Loader Load) Find(string family, string source) =>
        entries.TryGetValue(family, out var entry) ? entry
            : throw new ModelFileException(source, $"unknown model family '{family}'; known: {string.Join(", ", entries.Keys)}.");
}
