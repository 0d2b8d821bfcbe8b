using System.Globalization;
using System.Text;
using HaloMcp.Grains.Billing;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_get_recurring_invoice</c>: one recurring schedule with its lines.</summary>
public sealed class GetRecurringInvoiceTool() : HaloTool<RecurringInvoiceDetail>(
    "halopsa_get_recurring_invoice",
    "Get a recurring invoice",
    "Reads one HaloPSA recurring invoice schedule: how often it invoices, its dates, totals, run-rates and lines.",
    ToolKind.Read,
    [Arg.Id("recurring_invoice_id", "The schedule's id.", required: true)],
    HaloToolJsonContext.Default.RecurringInvoiceDetail)
{
    /// <inheritdoc />
    protected override Task<RecurringInvoiceDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Billing.GetRecurringInvoiceAsync(arguments.RequiredInt("recurring_invoice_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(RecurringInvoiceDetail result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Recurring invoice #{result.Id} ({(result.Active ? "active" : "inactive")})");
        ToolText.Field(text, "Client", ToolText.Named(result.ClientName, result.ClientId));
        ToolText.Field(text, "Period", result.Period);
        ToolText.Field(text, "Started", ToolText.Day(result.StartDate));
        ToolText.Field(text, "Last invoice", ToolText.Day(result.LastCreated));
        ToolText.Field(text, "Next invoice", ToolText.Day(result.NextCreationDate));
        ToolText.Field(text, "Total", ToolText.Money(result.Total));
        ToolText.Field(text, "Run-rate", result.MonthlyTotal is null ? null : $"{ToolText.Money(result.MonthlyTotal)}/month, {ToolText.Money(result.AnnualTotal)}/year");
        foreach (var line in result.Lines)
        {
            text.AppendLine(BillingText.Line(line));
        }

        return text.ToString().TrimEnd();
    }
}
