using System.CommandLine;
using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Cli.Separate;

/// <summary>
/// The options of <c>demix separate</c> that tune a model's inference: the Wiener post-filter and test-time
/// augmentation (channel swap, time shifts). Unset options keep the model card's settings; the default model's
/// card holds the defaults chosen on the MUSDB validation previews (see models/README.md).
/// </summary>
internal sealed class ModelInferenceOptions
{
    private readonly Option<int?> wienerIterations = new("--wiener-iterations")
    {
        Description = "Open-Unmix models: EM iterations of the multichannel Wiener post-filter; 0 keeps the network's " +
            "estimates with the mixture's phase, each iteration costs about a tenth of the network time (default: the model card's).",
    };

    private readonly Option<bool?> swap = new("--swap")
    {
        Description = "Open-Unmix models: test-time augmentation, also run the networks on the mix with left and right swapped " +
            "and average the two estimates (swapped back); about doubles the network time. '--swap false' turns it off " +
            "(default: the model card's).",
    };

    private readonly Option<int?> shifts = new("--shifts")
    {
        Description = $"Open-Unmix models: test-time augmentation, N extra passes with the input delayed by evenly spaced " +
            $"fractions of an STFT hop, shifted back and averaged; each pass costs one more separation, 0..{OpenUnmixHyperParameters.MaxShifts} " +
            "(default: the model card's).",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(wienerIterations);
        command.Options.Add(swap);
        command.Options.Add(shifts);
    }

    /// <summary>The overrides given, checked against <paramref name="model"/> (null when a classic method runs).</summary>
    /// <exception cref="UsageException">An override is given without a model, does not fit the model, or is out of range.</exception>
    public InferenceOptions Read(ParseResult parse, ISeparationModel? model)
    {
        var options = new InferenceOptions
        {
            WienerIterations = parse.GetValue(wienerIterations),
            ChannelSwap = parse.GetValue(swap),
            Shifts = parse.GetValue(shifts),
        };
        if (options.IsEmpty) return options;
        if (model is null) throw new UsageException("--wiener-iterations, --swap and --shifts tune a model; a classic --method has no such settings.");
        try
        {
            ModelMethod.CreateSeparator(model, options);   // validates the values against the model
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return options;
    }
}
