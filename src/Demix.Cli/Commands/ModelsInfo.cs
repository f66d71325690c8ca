using System.Globalization;
using Demix.Separation.Models;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary><c>demix models info &lt;model&gt;</c>: the card, the stems and the parameter count.</summary>
internal static class ModelsInfo
{
    public static int Run(CliConsole console, ModelStore store, string nameOrPath, bool json)
    {
        ISeparationModel model;
        try
        {
            // "default" is the shipped model beside the executable unless a file or cached model has that name.
            bool shipped = nameOrPath == DefaultModelRow.Name && !File.Exists(nameOrPath) && !Directory.Exists(nameOrPath) && store.FindCached(nameOrPath) is null;
            model = shipped ? DefaultModel.Load() : store.Load(nameOrPath);
        }
        catch (Exception e) when (e is ModelFileException or FileNotFoundException or Demix.Engine.Io.WeightFileException)
        {
            console.WriteError(e.Message);
            return ExitCodes.UserError;
        }
        ModelCard card = model.Card;
        if (json)
        {
            console.Out.WriteLine(ModelCardJson.Serialize(card));
            return ExitCodes.Success;
        }
        long parameters = model.ExportWeights().Sum(w => w.ElementCount);
        var table = new Table().AddColumns("field", "value");
        foreach (var (field, value) in Rows(card, model.Stems, parameters)) table.AddRow(Markup.Escape(field), Markup.Escape(value));
        console.Ansi.Write(table);
        return ExitCodes.Success;
    }

    private static IEnumerable<(string, string)> Rows(ModelCard card, IReadOnlyList<string> stems, long parameters)
    {
        yield return ("name", card.Name);
        yield return ("family", card.Family);
        yield return ("description", card.Description);
        yield return ("targets", string.Join(", ", card.Targets));
        yield return ("stems written", string.Join(", ", stems));
        yield return ("sample rate", $"{card.SampleRate} Hz");
        yield return ("STFT", $"fft {card.Stft.FftSize}, hop {card.Stft.HopSize}, {card.Stft.Window}, center {card.Stft.Center}");
        yield return ("weights", $"{parameters.ToString("N0", CultureInfo.InvariantCulture)} values (float32)");
        yield return ("hyper-parameters", card.HyperParameters.ToString());
        yield return ("training data", card.Training.Data);
        foreach (var (metric, value) in card.Metrics) yield return (metric, value.ToString("G4", CultureInfo.InvariantCulture));
        yield return ("licence of the weights", card.Licence);
        foreach (SourceFile source in card.Sources) yield return ("source", $"{source.Url} sha256 {source.Sha256} ({source.HashSource})");
        yield return ("written by Demix", card.DemixVersion);
    }
}
