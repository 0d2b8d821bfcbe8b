using System.Globalization;
using System.Text;
using HaloMcp.Grains.Billing;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_get_invoice</c>: one invoice with its lines.</summary>
public sealed class GetInvoiceTool() : HaloTool<InvoiceDetail>(
    "halopsa_get_invoice",
    "Get an invoice",
    "Reads one HaloPSA invoice with its lines, totals, payment state and, where HaloPSA splits it, the recurring and one-off parts.",
    ToolKind.Read,
    [Arg.Id("invoice_id", "The invoice's id.", required: true)],
    HaloToolJsonContext.Default.InvoiceDetail)
{
    /// <inheritdoc />
    protected override Task<InvoiceDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Billing.GetInvoiceAsync(arguments.RequiredInt("invoice_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(InvoiceDetail result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Invoice #{result.Id} {result.InvoiceNumber}{(result.Voided ? " (void)" : string.Empty)}");
        ToolText.Field(text, "Client", ToolText.Named(result.ClientName, result.ClientId));
        ToolText.Field(text, "Date", ToolText.Day(result.InvoiceDate));
        ToolText.Field(text, "Due", ToolText.Day(result.DueDate));
        ToolText.Field(text, "Total", $"{ToolText.Money(result.Total)} (tax {ToolText.Money(result.TaxTotal)}); paid {ToolText.Money(result.AmountPaid)}; due {ToolText.Money(result.AmountDue)}");
        ToolText.Field(text, "Recurring schedule", result.RecurringInvoiceId is { } r ? $"#{r}" : null);
        ToolText.Field(text, "Split", result.RecurringTotal is null ? null : $"recurring {ToolText.Money(result.RecurringTotal)}, one-off {ToolText.Money(result.NonRecurringTotal)}");
        foreach (var line in result.Lines)
        {
            text.AppendLine(BillingText.Line(line));
        }

        return text.ToString().TrimEnd();
    }
}
