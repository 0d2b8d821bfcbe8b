using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A HaloPSA client (customer, HaloPSA's <c>Area</c>).</summary>
public sealed record HaloClient
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>toplevel_id</c>.</summary>
    [JsonPropertyName("toplevel_id")]
    public int TopLevelId { get; init; }

    /// <summary>HaloPSA's <c>toplevel_name</c>.</summary>
    [JsonPropertyName("toplevel_name")]
    public string? TopLevelName { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>HaloPSA's <c>is_vip</c>.</summary>
    [JsonPropertyName("is_vip")]
    public bool IsVip { get; init; }

    /// <summary>HaloPSA's <c>main_site_id</c>.</summary>
    [JsonPropertyName("main_site_id")]
    public int MainSiteId { get; init; }

    /// <summary>HaloPSA's <c>main_site_name</c>.</summary>
    [JsonPropertyName("main_site_name")]
    public string? MainSiteName { get; init; }

    /// <summary>HaloPSA's <c>website</c>.</summary>
    [JsonPropertyName("website")]
    public string? Website { get; init; }

    /// <summary>HaloPSA's <c>main_phonenumber</c>.</summary>
    [JsonPropertyName("main_phonenumber")]
    public string? MainPhoneNumber { get; init; }

    /// <summary>HaloPSA's <c>accountsid</c>.</summary>
    [JsonPropertyName("accountsid")]
    public string? AccountsId { get; init; }

    /// <summary>HaloPSA's <c>open_ticket_count</c>.</summary>
    [JsonPropertyName("open_ticket_count")]
    public int OpenTicketCount { get; init; }

    /// <summary>HaloPSA's <c>default_currency_code</c>.</summary>
    [JsonPropertyName("default_currency_code")]
    public string? DefaultCurrencyCode { get; init; }

    /// <summary>Bill-to client for one-off invoices (0: itself).</summary>
    [JsonPropertyName("client_to_invoice")]
    public int ClientToInvoice { get; init; }

    /// <summary>Bill-to client for recurring invoices (0: itself).</summary>
    [JsonPropertyName("client_to_invoice_recurring")]
    public int ClientToInvoiceRecurring { get; init; }
}
