using System.Net;
using System.Text.RegularExpressions;

namespace HaloMcp.Grains.Mapping;

/// <summary>Turns HaloPSA's text fields (often HTML) into capped plain text sized for a model's context.</summary>
public static partial class PlainText
{
    /// <summary>Details and notes are capped at this many characters.</summary>
    public const int LongCap = 4_000;

    /// <summary>Plain text of at most <paramref name="max"/> characters, or null when empty.</summary>
    public static string? Of(string? value, int max = LongCap)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Contains('<', StringComparison.Ordinal) ? WebUtility.HtmlDecode(Tags().Replace(value, " ")) : value;
        text = Spaces().Replace(text, " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        // Cut with ASCII dots: an ellipsis costs six bytes in a result once JSON-escaped.
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max).TrimEnd(), "...");
    }

    /// <summary>Null for empty strings, so that structured results leave out what HaloPSA left blank.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Null for HaloPSA's "none" ids (0 or negative).</summary>
    public static int? Id(int value) => value > 0 ? value : null;

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]*\n[\s]*|[ \t\r\f\v]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
