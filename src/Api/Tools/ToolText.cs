using System.Globalization;
using System.Text;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools;

/// <summary>Pieces of the compact text renderings: one line per row, ids beside names, ISO dates.</summary>
public static class ToolText
{
    /// <summary>A date as <c>yyyy-MM-dd</c>, or an empty string.</summary>
    public static string Day(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A date-time as ISO 8601 UTC to the minute, or an empty string.</summary>
    public static string Minute(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An amount of money with two decimals.</summary>
    public static string Money(double? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A name with its id, e.g. <c>Contoso Ltd (#12)</c>, or just the id when the name is unknown.</summary>
    public static string Named(string? name, int? id) => id is null or 0
        ? name ?? string.Empty
        : string.IsNullOrWhiteSpace(name) ? $"#{id}" : $"{name} (#{id})";

    /// <summary>Joins the non-empty parts with " | " (ASCII: JSON escapes a middle dot to six bytes on the wire).</summary>
    public static string Join(params string?[] parts) =>
        string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>A labelled line, left out when the value is empty.</summary>
    public static void Field(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(label).Append(": ").AppendLine(value);
        }
    }

    /// <summary>Renders a page: a header with honest totals, then one line per row.</summary>
    public static string Page<T>(string noun, PagedResult<T> page, Func<T, string> row)
    {
        var text = new StringBuilder();
        if (page.Items.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No {noun} on page {page.Page} ({page.Total} match in all).");
            return text.ToString();
        }

        var first = ((page.Page - 1) * page.PageSize) + 1;
        var last = first + page.Items.Count - 1;
        text.Append(CultureInfo.InvariantCulture, $"{noun} {first}-{last} of {page.Total} (page {page.Page}");
        text.AppendLine(page.HasMore ? $"; ask for page {page.Page + 1} for more):" : "; no more pages):");
        foreach (var item in page.Items)
        {
            text.AppendLine(row(item));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Renders a short list with a count header.</summary>
    public static string List<T>(string noun, IReadOnlyList<T> items, Func<T, string> row)
    {
        if (items.Count == 0)
        {
            return $"No {noun}.";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{items.Count} {noun}:");
        foreach (var item in items)
        {
            text.AppendLine(row(item));
        }

        return text.ToString().TrimEnd();
    }
}
