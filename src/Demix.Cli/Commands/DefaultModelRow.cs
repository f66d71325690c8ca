using System.Globalization;
using Demix.Separation.Models;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary>The row of <c>demix models list</c> for the shipped default model: its card and validation figures, or what is wrong.</summary>
internal static class DefaultModelRow
{
    /// <summary>The name the row shows.</summary>
    public const string Name = "default";

    /// <summary>Name, status and details of the default model beside the executable.</summary>
    public static string[] Cells()
    {
        string cardPath = DefaultModel.CardPath();
        if (!DefaultModel.IsPresent()) return [Name, "missing", Markup.Escape($"expected {cardPath} and {DefaultModel.WeightsPath()}; use --method center meanwhile")];
        ModelCard card;
        try
        {
            card = ModelCardJson.Read(cardPath);
        }
        catch (IOException e)
        {
            return [Name, "unreadable card", Markup.Escape(e.Message)];
        }
        string details = $"{card.Name}: {card.Description}\nfamily {card.Family}; targets {string.Join(", ", card.Targets)}; {card.SampleRate} Hz" +
            $"{Figures(card)}\nused by 'demix separate' without --model or --method; {cardPath}";
        return [Name, "shipped", Markup.Escape(details)];
    }

    /// <summary>"; validation SDR vocals 4.65 dB, accompaniment 7.87 dB" from the card's metrics (shipped settings first).</summary>
    private static string Figures(ModelCard card)
    {
        double? Metric(string target) =>
            card.Metrics.TryGetValue($"shipped.validation.{target}.sdr_db", out double shipped) ? shipped
            : card.Metrics.TryGetValue($"validation.{target}.sdr_db", out double trained) ? trained : null;
        double? vocals = Metric("vocals"), accompaniment = Metric("accompaniment");
        if (vocals is null && accompaniment is null) return "";
        string Format(double? value) => value is double v ? string.Create(CultureInfo.InvariantCulture, $"{v:F2} dB") : "n/a";
        return $"; validation SDR vocals {Format(vocals)}, accompaniment {Format(accompaniment)}";
    }
}
