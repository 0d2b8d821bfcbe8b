namespace HaloMcp.Api.Tools;

/// <summary>The bounds the catalogue puts on arguments: what HaloPSA accepts and what fits a model's context.</summary>
public static class ArgumentLimits
{
    /// <summary>
    /// Longest single-line text (names, summaries, searches), and the limit of any text argument whose schema gives no
    /// <c>maxLength</c> (the server's instructions say so once). No control characters at all.
    /// </summary>
    public const int ShortText = 255;

    /// <summary>Longest body text: details and notes. Tabs and line breaks allowed, no other control characters.</summary>
    public const int LongText = 20_000;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;
}
