namespace Demix.Separation.Models;

/// <summary>
/// Overrides of a model's inference settings for one run (<c>demix separate --wiener-iterations/--swap/--shifts</c>);
/// a null value keeps the model card's setting. Only Open-Unmix models have these settings today.
/// </summary>
public sealed record InferenceOptions
{
    /// <summary>No override: every setting from the card.</summary>
    public static InferenceOptions None { get; } = new();

    /// <summary>EM iterations of the multichannel Wiener post-filter (0: the estimates with the mixture phase).</summary>
    public int? WienerIterations { get; init; }

    /// <summary>Average the estimates of the mixture and of its channel-swapped copy (swapped back).</summary>
    public bool? ChannelSwap { get; init; }

    /// <summary>Extra passes at evenly spaced sub-hop time offsets, shifted back and averaged (0: none).</summary>
    public int? Shifts { get; init; }

    /// <summary>True when nothing is overridden.</summary>
    public bool IsEmpty => WienerIterations is null && ChannelSwap is null && Shifts is null;
}
