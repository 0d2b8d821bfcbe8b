using System.Globalization;

namespace HaloMcp.HaloSim;

/// <summary>HaloPSA's date conventions: naive UTC ISO-8601 with milliseconds, and a sentinel for "unset".</summary>
internal static class HaloDates
{
    public const string Unset = "1900-01-01T00:00:00";

    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Parses a HaloPSA date; sentinels (1900-01-01, 1899-12-30) and garbage give null.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return null;
        }

        return value.Year <= 1900 ? null : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
