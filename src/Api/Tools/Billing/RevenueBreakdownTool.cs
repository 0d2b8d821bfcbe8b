using HaloMcp.Grains.Billing;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_revenue_breakdown</c>: recurring against one-off revenue, per client.</summary>
public sealed class RevenueBreakdownTool() : HaloTool<RevenueBreakdown>(
    "halopsa_revenue_breakdown",
    "Recurring vs one-off revenue",
    "Answers 'what is recurring and what is one-off revenue for this customer': per client, revenue invoiced from recurring schedules against one-off invoices (project work, ad-hoc charges, break-fix), including tax (as invoices are totalled), with totals, shares, invoice counts and monthly and annual run-rates of active schedules. Voided invoices are excluded. Default period: the last 12 full months. It reads every invoice in the period (reporting progress), so it costs several HaloPSA requests.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "One client; all clients when absent."),
        Arg.Date("date_from", "Invoice date on or after (default: 12 full months ago)."),
        Arg.Date("date_to", "Invoice date before (default: the first day of this month)."),
    ],
    HaloToolJsonContext.Default.RevenueBreakdown)
{
    /// <inheritdoc />
    protected override void Validate(ToolArguments arguments) => RequireOrderedDates(arguments);

    /// <inheritdoc />
    protected override async Task<RevenueBreakdown> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken)
    {
        var (from, to) = Period(context.Time.GetUtcNow(), arguments.Date("date_from"), arguments.Date("date_to"));
        if (to <= from)
        {
            throw new Mcp.ToolException("'date_to' must be after 'date_from'.");
        }

        await using var progress = new McpProgressObserver(context.Request, cancellationToken);
        await foreach (var update in context.Billing.GetRevenueBreakdownAsync(new RevenueQuery(arguments.Int("client_id"), from, to), cancellationToken))
        {
            if (update.Result is { } breakdown)
            {
                return breakdown;
            }

            progress.OnProgress(update.Progress!);
        }

        throw new InvalidOperationException("The revenue breakdown ended without a result.");
    }

    /// <inheritdoc />
    protected override string Render(RevenueBreakdown result) => BillingText.Revenue(result);

    /// <summary>The period to break down: as given, or the last 12 full calendar months (UTC) before <paramref name="now"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset now, DateTimeOffset? from, DateTimeOffset? to)
    {
        var monthStart = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = to ?? (from is { } f && f >= monthStart ? f.AddMonths(12) : monthStart);
        var start = from ?? end.AddMonths(-12);
        return (start, end);
    }
}
