namespace HaloMcp.Api.Tools;

/// <summary>The bounds the catalogue puts on arguments: what HaloPSA accepts and what fits a model's context.</summary>
public static class ArgumentLimits
{
    /// <summary>Longest single-line text: names, summaries, searches. No control characters at all.</summary>
    public const int ShortText = 255;

    /// <summary>Longest body text: details and notes. Tabs and line breaks allowed, no other control characters.</summary>
    public const int LongText = 20_000;

    /// <summary>Largest page number.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;
}
