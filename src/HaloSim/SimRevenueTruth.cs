namespace HaloMcp.HaloSim;

/// <summary>
/// The revenue a client really has in the seeded data, for comparing against what a client computes from the wire.
/// Totals are gross (net plus tax) over invoice lines, with voided invoices excluded.
/// </summary>
/// <param name="RecurringTotal">Sum of recurring lines (lines generated from a recurring schedule) on invoices dated in range.</param>
/// <param name="NonRecurringTotal">Sum of one-off lines on invoices dated in range.</param>
/// <param name="RecurringInvoiceCount">Invoices in range generated from a recurring schedule (<c>recurring_invoice_id</c> &gt; 0).</param>
/// <param name="OneOffInvoiceCount">Invoices in range not generated from a schedule.</param>
/// <param name="RecurringMonthlyRunRate">Monthly value of the client's active recurring schedules.</param>
public sealed record SimRevenueTruth(
    double RecurringTotal,
    double NonRecurringTotal,
    int RecurringInvoiceCount,
    int OneOffInvoiceCount,
    double RecurringMonthlyRunRate);
