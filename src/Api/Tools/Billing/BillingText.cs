using System.Globalization;
using System.Text;
using HaloMcp.Grains.Billing;

namespace HaloMcp.Api.Tools.Billing;

/// <summary>Text renderings of contracts, invoices and revenue.</summary>
public static class BillingText
{
    /// <summary>One contract on one line.</summary>
    public static string Row(ContractRow c) => ToolText.Join(
        $"contract #{c.Id} {c.Reference}", ToolText.Named(c.ClientName, c.ClientId), c.ContractType, c.Active ? "active" : "inactive",
        c.Status, $"{ToolText.Day(c.StartDate)} to {ToolText.Day(c.EndDate)}",
        c.PeriodChargeAmount is { } charge ? $"{ToolText.Money(charge)} per {c.BillingPeriod ?? "period"}" : null);

    /// <summary>One invoice on one line.</summary>
    public static string Row(InvoiceRow i) => ToolText.Join(
        $"invoice #{i.Id} {i.InvoiceNumber}", ToolText.Named(i.ClientName, i.ClientId), ToolText.Day(i.InvoiceDate),
        $"total {ToolText.Money(i.Total)}", i.Paid ? "paid" : $"due {ToolText.Money(i.AmountDue)} by {ToolText.Day(i.DueDate)}",
        i.Voided ? "void" : null, i.RecurringInvoiceId is { } r ? $"from recurring #{r}" : null);

    /// <summary>One recurring schedule on one line.</summary>
    public static string Row(RecurringInvoiceRow r) => ToolText.Join(
        $"recurring #{r.Id}", ToolText.Named(r.ClientName, r.ClientId), r.Period, $"total {ToolText.Money(r.Total)}",
        r.MonthlyTotal is { } m ? $"{ToolText.Money(m)}/month" : null, r.Active ? $"next {ToolText.Day(r.NextCreationDate)}" : "inactive");

    /// <summary>One invoice line on one line.</summary>
    public static string Line(InvoiceLine l) => ToolText.Join(
        $"  {l.ItemCode} {l.Description}", string.Create(CultureInfo.InvariantCulture, $"{l.Quantity:0.##} x {ToolText.Money(l.UnitPrice)}"),
        $"net {ToolText.Money(l.NetAmount)}", l.IsRecurring ? "recurring" : "one-off");

    /// <summary>The per-client revenue table.</summary>
    public static string Revenue(RevenueBreakdown r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Revenue {ToolText.Day(r.DateFrom)} to {ToolText.Day(r.DateTo)} (end exclusive): recurring {ToolText.Money(r.RecurringTotal)}, one-off {ToolText.Money(r.NonRecurringTotal)}, total {ToolText.Money(r.Total)} ({r.RecurringShare:P0} recurring).");
        foreach (var c in r.Clients)
        {
            text.AppendLine(ToolText.Join(
                ToolText.Named(c.ClientName, c.ClientId),
                $"recurring {ToolText.Money(c.RecurringTotal)} ({c.RecurringInvoiceCount} inv)",
                $"one-off {ToolText.Money(c.NonRecurringTotal)} ({c.OneOffInvoiceCount} inv)",
                string.Create(CultureInfo.InvariantCulture, $"{c.RecurringShare:P0} recurring"),
                c.RecurringMonthlyRunRate > 0 ? $"run-rate {ToolText.Money(c.RecurringMonthlyRunRate)}/month" : null));
        }

        text.Append(CultureInfo.InvariantCulture,
            $"Method: {r.Method} Invoices examined: {r.InvoicesExamined}; voided excluded: {r.VoidedExcluded}; split by invoice_totals: {r.SplitFromTotals}; by lines: {r.SplitFromLines}.");
        return text.ToString();
    }
}
