using ModelContextProtocol;

namespace HaloMcp.Api.Tools;

/// <summary>The rule every tool with a <c>date_from</c>/<c>date_to</c> pair applies before it calls a grain.</summary>
public static class DateRange
{
    /// <summary>Refuses a range whose end is not after its start.</summary>
    /// <exception cref="McpException">The end is not after the start.</exception>
    public static void RequireOrdered(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start && to is { } end && end <= start)
        {
            throw new McpException("'date_to' must be after 'date_from'.");
        }
    }
}
