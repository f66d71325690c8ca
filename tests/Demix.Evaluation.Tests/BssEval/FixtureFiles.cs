using System.Text.Json;
using System.Text.RegularExpressions;
using Demix.Tests.Shared;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>Reads the BSS Eval fixtures: raw float64 arrays and JSON with bare NaN/Infinity tokens.</summary>
internal static partial class FixtureFiles
{
    public static string BssEval(params string[] parts) => RepositoryPaths.Fixture(["bsseval", .. parts]);

    /// <summary>Row-major float64 little-endian array of <paramref name="rows"/> rows.</summary>
    public static double[][] ReadF64(string path, int rows)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int columns = bytes.Length / 8 / rows;
        var result = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new double[columns];
            for (int c = 0; c < columns; c++) result[r][c] = BitConverter.ToDouble(bytes, 8 * (r * columns + c));
        }
        return result;
    }

    /// <summary>Parses JSON whose numbers may be the bare tokens NaN, Infinity, -Infinity.</summary>
    public static JsonElement ReadJson(string path)
    {
        string text = BareLiteral().Replace(File.ReadAllText(path), m => $"\"{m.Value}\"");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static double Number(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"Unexpected literal {other}"),
        }
        : element.GetDouble();

    public static double[] Vector(JsonElement element) => element.EnumerateArray().Select(Number).ToArray();

    public static double[][] Matrix(JsonElement element) => element.EnumerateArray().Select(Vector).ToArray();

    [GeneratedRegex(@"(?<![""\w])-?(NaN|Infinity)(?![""\w])")]
    private static partial Regex BareLiteral();
}
