using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Queries;

namespace HaloMcp.Grains.HaloPsa;

/// <content>Contracts, invoices, recurring invoices and reports.</content>
public sealed partial class HaloApiClient
{
    private static readonly KeyValuePair<string, string> IncludeDetails = new("includedetails", "true");

    /// <summary>Lists client contracts (<c>GET /ClientContract</c>, envelope <c>contracts</c>).</summary>
    public Task<HaloPage<HaloContract>> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("ClientContract", HaloQueryParameters.For(query), query.Page, query.PageSize, "contracts", "contract", HaloJsonContext.Default.HaloContract, cancellationToken);

    /// <summary>Gets one contract with its billing lines (<c>GET /ClientContract/{id}?includedetails=true</c>).</summary>
    public Task<HaloContract> GetContractAsync(int contractId, CancellationToken cancellationToken) =>
        GetOneAsync("ClientContract", "contract", contractId, HaloJsonContext.Default.HaloContract, cancellationToken, IncludeDetails);

    /// <summary>Lists invoices (<c>GET /Invoice</c>, envelope <c>invoices</c>).</summary>
    public Task<HaloPage<HaloInvoice>> ListInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Invoice", HaloQueryParameters.For(query), query.Page, query.PageSize, "invoices", "invoice", HaloJsonContext.Default.HaloInvoice, cancellationToken);

    /// <summary>Every invoice matching <paramref name="query"/> (its paging is ignored), 100 per request.</summary>
    public IAsyncEnumerable<HaloInvoice> ListAllInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken) =>
        AllPagesAsync((page, ct) => ListInvoicesAsync(query with { Page = page, PageSize = MaxPageSize }, ct), cancellationToken);

    /// <summary>Gets one invoice with its lines (<c>GET /Invoice/{id}?includedetails=true</c>).</summary>
    public Task<HaloInvoice> GetInvoiceAsync(int invoiceId, CancellationToken cancellationToken) =>
        GetOneAsync("Invoice", "invoice", invoiceId, HaloJsonContext.Default.HaloInvoice, cancellationToken, IncludeDetails);

    /// <summary>Lists recurring invoice templates (<c>GET /RecurringInvoice</c>, envelope <c>invoices</c>).</summary>
    public Task<HaloPage<HaloInvoice>> ListRecurringInvoicesAsync(RecurringInvoiceQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("RecurringInvoice", HaloQueryParameters.For(query), query.Page, query.PageSize, "invoices", "recurring invoice", HaloJsonContext.Default.HaloInvoice, cancellationToken);

    /// <summary>Every recurring template matching <paramref name="query"/> (its paging is ignored), 100 per request.</summary>
    public IAsyncEnumerable<HaloInvoice> ListAllRecurringInvoicesAsync(RecurringInvoiceQuery query, CancellationToken cancellationToken) =>
        AllPagesAsync((page, ct) => ListRecurringInvoicesAsync(query with { Page = page, PageSize = MaxPageSize }, ct), cancellationToken);

    /// <summary>Gets one recurring template with its lines (<c>GET /RecurringInvoice/{id}?includedetails=true</c>).</summary>
    public Task<HaloInvoice> GetRecurringInvoiceAsync(int recurringInvoiceId, CancellationToken cancellationToken) =>
        GetOneAsync("RecurringInvoice", "recurring invoice", recurringInvoiceId, HaloJsonContext.Default.HaloInvoice, cancellationToken, IncludeDetails);

    /// <summary>Every contract matching <paramref name="query"/> (its paging is ignored), 100 per request.</summary>
    public IAsyncEnumerable<HaloContract> ListAllContractsAsync(ContractQuery query, CancellationToken cancellationToken) =>
        AllPagesAsync((page, ct) => ListContractsAsync(query with { Page = page, PageSize = MaxPageSize }, ct), cancellationToken);

    /// <summary>Lists saved reports (<c>GET /Report</c>, envelope <c>reports</c>).</summary>
    public Task<HaloPage<HaloReport>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Report", HaloQueryParameters.For(query), query.Page, query.PageSize, "reports", "report", HaloJsonContext.Default.HaloReport, cancellationToken);

}
