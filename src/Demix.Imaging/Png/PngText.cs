using System.Text;

namespace Demix.Imaging.Png;

/// <summary>The tEXt chunk body (PNG spec section 11.3.4.3): a Latin-1 keyword of 1 to 79 characters, a zero byte, Latin-1 text.</summary>
internal static class PngText
{
    public static byte[] Encode(string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(text);
        if (keyword.Length is < 1 or > 79 || keyword != keyword.Trim() || keyword.Any(c => c < 32 || c > 255 || c is > '~' and < '\u00a1'))
        {
            throw new ArgumentException($"PNG text keyword '{keyword}' must be 1 to 79 printable Latin-1 characters without leading or trailing spaces.", nameof(keyword));
        }
        if (text.Any(c => c > 255 || c == '\0'))
        {
            throw new ArgumentException($"PNG text for '{keyword}' must be Latin-1 without zero characters.", nameof(text));
        }
        return [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)];
    }

    public static (string Keyword, string Text) Decode(ReadOnlySpan<byte> data, string sourceName)
    {
        int separator = data.IndexOf((byte)0);
        if (separator is < 1 or > 79)
        {
            throw new PngFormatException(sourceName, "tEXt chunk without a valid keyword");
        }
        return (Encoding.Latin1.GetString(data[..separator]), Encoding.Latin1.GetString(data[(separator + 1)..]));
    }
}
