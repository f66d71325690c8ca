using System.Text.RegularExpressions;

namespace Demix.Cli.Separate;

/// <summary>
/// Turns the <c>--name</c> pattern into output paths. Tokens: <c>{track}</c> (the input's name without
/// extension, or its path below a folder given on the command line), <c>{stem}</c>, <c>{ext}</c> and
/// <c>{method}</c>; anything else in braces is an error.
/// </summary>
public sealed partial class OutputNaming
{
    /// <summary>The default pattern: one folder per track, one file per stem.</summary>
    public const string DefaultPattern = "{track}/{stem}.{ext}";

    private static readonly string[] Tokens = ["track", "stem", "ext", "method"];
    private readonly string outputFolder;
    private readonly string pattern;
    private readonly string extension;
    private readonly string method;

    /// <summary>Checks the pattern and keeps the fixed parts.</summary>
    /// <exception cref="UsageException">Unknown token, or several stems without {stem}.</exception>
    public OutputNaming(string outputFolder, string pattern, string extension, string method, int stemCount)
    {
        foreach (Match match in TokenPattern().Matches(pattern))
        {
            if (!Tokens.Contains(match.Groups[1].Value))
            {
                throw new UsageException($"--name: unknown token '{match.Value}'; use {{track}}, {{stem}}, {{ext}} and {{method}}.");
            }
        }
        if (stemCount > 1 && !pattern.Contains("{stem}", StringComparison.Ordinal))
        {
            throw new UsageException("--name must contain {stem} when more than one stem is written.");
        }
        if (Path.IsPathRooted(pattern)) throw new UsageException("--name is relative to the output folder; give -o for another place.");
        this.outputFolder = outputFolder;
        this.pattern = pattern;
        this.extension = extension;
        this.method = method;
    }

    /// <summary>The output file of <paramref name="stem"/> of <paramref name="track"/>.</summary>
    public string PathOf(string track, string stem)
    {
        string relative = pattern.Replace("{track}", track, StringComparison.Ordinal)
            .Replace("{stem}", stem, StringComparison.Ordinal)
            .Replace("{ext}", extension, StringComparison.Ordinal)
            .Replace("{method}", method, StringComparison.Ordinal);
        return Path.Combine(outputFolder, relative);
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex TokenPattern();
}
