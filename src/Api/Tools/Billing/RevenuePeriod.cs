namespace HaloMcp.Api.Tools.Billing;

/// <summary>The period <c>halopsa_revenue_breakdown</c> covers when the caller does not give both ends.</summary>
public static class RevenuePeriod
{
    /// <summary>As given, or the last 12 full calendar months (UTC) before <paramref name="now"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset now, DateTimeOffset? from, DateTimeOffset? to)
    {
        var monthStart = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = to ?? (from is { } f && f >= monthStart ? f.AddMonths(12) : monthStart);
        var start = from ?? end.AddMonths(-12);
        return (start, end);
    }
}
