using HaloMcp.Grains.Billing;
using HaloMcp.Grains.HaloPsa.Model;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA contracts and invoices to the records the grains hand out.</summary>
public static class BillingMapper
{
    /// <summary>A contract in a list.</summary>
    public static ContractRow ToRow(HaloContract c) => new(
        c.Id, PlainText.OrNull(c.Ref), c.ClientId, PlainText.OrNull(c.ClientName), PlainText.OrNull(c.ContractTypeName), c.StartDate, c.EndDate,
        PlainText.OrNull(c.ContractStatus), IsActive(c), c.PeriodChargeAmount, PlainText.OrNull(c.BillingPeriodString));

    /// <summary>One contract with its billing lines.</summary>
    public static ContractDetail ToDetail(HaloContract c) => new(
        c.Id, PlainText.OrNull(c.Ref), c.ClientId, PlainText.OrNull(c.ClientName), PlainText.OrNull(c.ContractTypeName), c.StartDate, c.EndDate,
        PlainText.OrNull(c.ContractStatus), IsActive(c), c.PeriodChargeAmount, PlainText.OrNull(c.BillingPeriodString),
        c.NextInvoiceDate ?? c.PeriodicInvoiceNextDate, PlainText.OrNull(c.SiteName),
        [.. (c.BillingPlans ?? []).Select(l => new ContractLine(l.Id,
            PlainText.OrNull(l.BillingPlanDescription) ?? PlainText.OrNull(l.PlanName) ?? PlainText.OrNull(l.ChargeRateName),
            l.WorkHoursCovered > 0 ? l.WorkHoursCovered : null, null, null))]);

    /// <summary>Whether a contract is in force: active and not expired.</summary>
    public static bool IsActive(HaloContract c) => c.Active && !c.Expired;

    /// <summary>An invoice in a list.</summary>
    public static InvoiceRow ToRow(HaloInvoice i) => new(
        i.Id, PlainText.OrNull(i.InvoiceNumber), i.ClientId, PlainText.OrNull(i.ClientName), i.InvoiceDate, i.DueDate, i.Total, i.AmountDue,
        i.AmountDue <= 0.005 && !i.Voided, i.Posted, i.Voided, PlainText.Id(i.RecurringInvoiceId));

    /// <summary>One invoice with its lines.</summary>
    public static InvoiceDetail ToDetail(HaloInvoice i) => new(
        i.Id, PlainText.OrNull(i.InvoiceNumber), i.ClientId, PlainText.OrNull(i.ClientName), i.InvoiceDate, i.DueDate, i.Total, i.TaxTotal,
        i.AmountPaid, i.AmountDue, i.Posted, i.Voided, PlainText.Id(i.RecurringInvoiceId),
        i.InvoiceTotals?.RecurringTotal, i.InvoiceTotals?.NonRecurringTotal, [.. (i.Lines ?? []).Select(ToLine)]);

    /// <summary>A recurring schedule in a list.</summary>
    public static RecurringInvoiceRow ToRecurringRow(HaloInvoice r, DateTimeOffset now) => new(
        r.Id, r.ClientId, PlainText.OrNull(r.ClientName), PlainText.OrNull(r.PeriodName), r.NextCreationDate, r.LastCreated, r.Total,
        r.InvoiceTotals?.RecurringMonthlyTotal, r.InvoiceTotals?.RecurringAnnualTotal, IsActiveSchedule(r, now));

    /// <summary>One recurring schedule with its lines.</summary>
    public static RecurringInvoiceDetail ToRecurringDetail(HaloInvoice r, DateTimeOffset now) => new(
        r.Id, r.ClientId, PlainText.OrNull(r.ClientName), PlainText.OrNull(r.PeriodName), r.StartDate, r.NextCreationDate, r.LastCreated, r.Total,
        r.InvoiceTotals?.RecurringMonthlyTotal, r.InvoiceTotals?.RecurringAnnualTotal, IsActiveSchedule(r, now), [.. (r.Lines ?? []).Select(ToLine)]);

    /// <summary>
    /// Whether a schedule still generates invoices: it has a next creation date and has not ended. HaloPSA has no
    /// single "active" flag on templates, so this is derived from the schedule dates.
    /// </summary>
    public static bool IsActiveSchedule(HaloInvoice r, DateTimeOffset now) =>
        r.NextCreationDate is not null && (r.EndDate is null || r.EndDate > now) && !r.Voided;

    /// <summary>An invoice line; recurring when HaloPSA flags it or it came from a recurring line.</summary>
    public static InvoiceLine ToLine(HaloInvoiceLine l) => new(
        l.Id, PlainText.OrNull(l.ItemCode), PlainText.OrNull(l.ItemShortDescription) ?? PlainText.Of(l.ItemLongDescription, 200),
        l.QuantityOrdered, l.UnitPrice, l.NetAmount, l.TaxAmount, IsRecurringLine(l));

    /// <summary>Whether a line is a recurring charge: generated from a recurring invoice line, or flagged as a recurring item.</summary>
    public static bool IsRecurringLine(HaloInvoiceLine l) => l.RecurringInvoiceLineId > 0 || l.ItemRecurring == true;
}
