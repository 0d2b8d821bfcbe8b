using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Mapping;

namespace HaloMcp.Grains.Billing;

/// <summary>
/// Splits invoices into recurring and one-off revenue per client. It prefers HaloPSA's own split
/// (<c>invoice_totals</c>) and falls back to classifying lines where an instance does not return it; voided invoices
/// are left out. Amounts are gross (net plus tax), as invoices are totalled.
/// </summary>
public sealed class RevenueCalculator(DateTimeOffset from, DateTimeOffset to)
{
    /// <summary>How the split is made, written into every result.</summary>
    public const string MethodText =
        "Invoices dated in the period, voided ones excluded, amounts gross (including tax). Each invoice is split with HaloPSA's invoice_totals (recurringTotal / nonRecurringTotal) where the instance returns it, otherwise by its lines: a line generated from a recurring invoice line or flagged item_recurring is recurring, every other line is one-off. An invoice counts as recurring when a recurring schedule generated it. Run-rates sum the monthly value of each client's active recurring schedules.";

    private readonly Dictionary<int, Tally> _clients = [];

    /// <summary>Invoices read.</summary>
    public int Examined { get; private set; }

    /// <summary>Voided invoices left out.</summary>
    public int Voided { get; private set; }

    /// <summary>Invoices split with <c>invoice_totals</c>.</summary>
    public int FromTotals { get; private set; }

    /// <summary>Invoices split by their lines.</summary>
    public int FromLines { get; private set; }

    /// <summary>Adds one invoice.</summary>
    public void Add(HaloInvoice invoice)
    {
        Examined++;
        if (invoice.Voided)
        {
            Voided++;
            return;
        }

        // HaloPSA's date filter is inclusive on both ends; the period here is [from, to).
        if (invoice.InvoiceDate is not { } date || date < from || date >= to)
        {
            return;
        }

        var tally = TallyOf(invoice.ClientId, invoice.ClientName);
        if (invoice.RecurringInvoiceId > 0)
        {
            tally.RecurringInvoices++;
        }
        else
        {
            tally.OneOffInvoices++;
        }

        if (invoice.InvoiceTotals is { RecurringTotal: { } recurring, NonRecurringTotal: { } oneOff })
        {
            FromTotals++;
            tally.Recurring += recurring;
            tally.OneOff += oneOff;
            return;
        }

        FromLines++;
        foreach (var line in invoice.Lines ?? [])
        {
            var gross = line.NetAmount + line.TaxAmount;
            if (BillingMapper.IsRecurringLine(line))
            {
                tally.Recurring += gross;
            }
            else
            {
                tally.OneOff += gross;
            }
        }
    }

    /// <summary>Adds the monthly value of one active recurring schedule to its client's run-rate.</summary>
    public void AddSchedule(HaloInvoice schedule)
    {
        var monthly = schedule.InvoiceTotals?.RecurringMonthlyTotal
            ?? (schedule.Lines ?? []).Sum(l => l.TotalPriceMonthly ?? 0);
        TallyOf(schedule.ClientId, schedule.ClientName).MonthlyRunRate += monthly;
    }

    /// <summary>The breakdown, largest client first.</summary>
    public RevenueBreakdown Result()
    {
        var rows = _clients.Select(pair => pair.Value.ToRevenue(pair.Key))
            .OrderByDescending(r => r.Total).ThenBy(r => r.ClientId)
            .ToList();
        var recurring = Math.Round(rows.Sum(r => r.RecurringTotal), 2);
        var oneOff = Math.Round(rows.Sum(r => r.NonRecurringTotal), 2);
        var total = recurring + oneOff;
        return new RevenueBreakdown(from, to, rows, recurring, oneOff, Math.Round(total, 2), Share(recurring, total),
            Examined, Voided, FromTotals, FromLines, MethodText);
    }

    private Tally TallyOf(int clientId, string? clientName)
    {
        if (!_clients.TryGetValue(clientId, out var tally))
        {
            tally = new Tally();
            _clients[clientId] = tally;
        }

        tally.Name ??= PlainText.OrNull(clientName);
        return tally;
    }

    private static double Share(double part, double total) => total == 0 ? 0 : Math.Round(part / total, 4);

    private sealed class Tally
    {
        public string? Name { get; set; }

        public double Recurring { get; set; }

        public double OneOff { get; set; }

        public int RecurringInvoices { get; set; }

        public int OneOffInvoices { get; set; }

        public double MonthlyRunRate { get; set; }

        public ClientRevenue ToRevenue(int clientId)
        {
            var recurring = Math.Round(Recurring, 2);
            var oneOff = Math.Round(OneOff, 2);
            return new ClientRevenue(clientId, Name, recurring, oneOff, Math.Round(recurring + oneOff, 2), Share(recurring, recurring + oneOff),
                RecurringInvoices, OneOffInvoices, Math.Round(MonthlyRunRate, 2), Math.Round(MonthlyRunRate * 12, 2));
        }
    }
}
