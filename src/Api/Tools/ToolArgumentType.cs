namespace HaloMcp.Api.Tools;

/// <summary>The JSON type an argument takes.</summary>
public enum ToolArgumentType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number, possibly fractional.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Text.</summary>
    String,

    /// <summary>A date or date-time in ISO 8601 (UTC when no offset is given).</summary>
    Date,

    /// <summary>One of a fixed set of strings.</summary>
    Enum,

    /// <summary>A whole number, or a name to look up (e.g. an outcome).</summary>
    IntegerOrString,
}
