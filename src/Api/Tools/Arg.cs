namespace HaloMcp.Api.Tools;

/// <summary>The argument shapes the tool catalogue uses, with the limits HaloPSA and a model's context impose.</summary>
public static class Arg
{
    /// <summary>Longest free text accepted for names, summaries and searches.</summary>
    public const int ShortTextLimit = 255;

    /// <summary>Longest body text accepted for details and notes.</summary>
    public const int LongTextLimit = 20_000;

    /// <summary>A HaloPSA record id: a positive integer.</summary>
    public static ToolArgument Id(string name, string description, bool required = false) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.Integer, Required = required,
        Minimum = 1, Maximum = int.MaxValue,
    };

    /// <summary>A bounded whole number.</summary>
    public static ToolArgument Integer(string name, string description, int minimum, int maximum, int? defaultValue = null) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.Integer, Minimum = minimum, Maximum = maximum,
        Default = defaultValue,
    };

    /// <summary>A bounded number.</summary>
    public static ToolArgument Number(string name, string description, double minimum, double maximum) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.Number, Minimum = minimum, Maximum = maximum,
    };

    /// <summary>A flag.</summary>
    public static ToolArgument Flag(string name, string description, bool defaultValue) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.Boolean, Default = defaultValue,
    };

    /// <summary>Text of bounded length.</summary>
    public static ToolArgument Text(string name, string description, bool required = false, int maxLength = ShortTextLimit) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.String, Required = required, MinLength = 1,
        MaxLength = maxLength,
    };

    /// <summary>A date or date-time.</summary>
    public static ToolArgument Date(string name, string description) => new()
    {
        Name = name, Description = description + " ISO 8601 date or date-time; UTC when no offset is given.",
        Type = ToolArgumentType.Date, MaxLength = 40,
    };

    /// <summary>One of a fixed set of values.</summary>
    public static ToolArgument OneOf(string name, string description, IReadOnlyList<string> values, bool required = false, string? defaultValue = null) => new()
    {
        Name = name, Description = description, Type = ToolArgumentType.Enum, Values = values, Required = required,
        Default = defaultValue,
    };

    /// <summary>The 1-based page number.</summary>
    public static ToolArgument Page() => Integer("page", "Page number, starting at 1.", 1, 100_000, 1);

    /// <summary>The page size.</summary>
    public static ToolArgument PageSize() => Integer("page_size", "Rows per page.", 1, 100, 25);

    /// <summary>The paging pair that every list tool takes.</summary>
    public static ToolArgument[] Paging() => [Page(), PageSize()];
}
