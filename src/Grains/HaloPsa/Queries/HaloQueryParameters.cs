using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>
/// The one place where query records become HaloPSA's real parameter names (OpenAPI 2025-03; halopsa-api.md §4).
/// Paging parameters are added by the client, not here.
/// </summary>
internal static class HaloQueryParameters
{
    public static List<KeyValuePair<string, string>> For(TicketQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "site_id", q.SiteId);
        Add(p, "user_id", q.UserId);
        Add(p, "agent_id", q.AgentId);
        Add(p, "team", q.TeamId); // "team" takes comma-separated team ids; "team_name" would take names.
        Add(p, "status_id", q.StatusId);
        Add(p, "priority", q.PriorityId);
        Add(p, "requesttype", q.TicketTypeId); // HaloPSA calls ticket types "request types" in filters.
        Add(p, "asset_id", q.AssetId);
        AddFlag(p, "open_only", q.OpenOnly);
        AddFlag(p, "closed_only", q.ClosedOnly);
        Add(p, "search", q.Search);
        AddDateRange(p, "dateoccured", q.DateFrom, q.DateTo); // sic: the datesearch value is HaloPSA's column name.
        Add(p, "order", q.OrderBy);
        AddFlag(p, "orderdesc", q.OrderDescending);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(ActionQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "ticket_id", q.TicketId);
        Add(p, "startdate", q.DateFrom);
        Add(p, "enddate", q.DateTo);
        AddFlag(p, "agentonly", q.AgentOnly);
        AddFlag(p, "excludesys", q.ExcludeSystem);
        AddFlag(p, "timeentriesonly", q.TimeEntriesOnly);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(ClientQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            // /Client ignores plain "search" (peer-landscape §6 #7); the name filter that works is advanced_search
            // with filter_type 4 (contains).
            p.Add(new("advanced_search", NameContainsFilter(q.Search)));
        }

        AddFlag(p, "includeinactive", q.IncludeInactive);
        Add(p, "toplevel_id", q.TopLevelId);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(SiteQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "search", q.Search);
        AddFlag(p, "includeinactive", q.IncludeInactive);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(UserQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "site_id", q.SiteId);
        Add(p, "search", q.Search);
        AddFlag(p, "includeinactive", q.IncludeInactive);
        // Without it /Users also returns agents and service accounts (peer-landscape §6 #8).
        p.Add(new("onlyusers", "true"));
        return p;
    }

    public static List<KeyValuePair<string, string>> For(AssetQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "site_id", q.SiteId);
        Add(p, "assettype_id", q.AssetTypeId);
        Add(p, "search", q.Search);
        AddFlag(p, "includeinactive", q.IncludeInactive);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(AgentQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "team_id", q.TeamId);
        AddFlag(p, "includedisabled", q.IncludeDisabled);
        Add(p, "search", q.Search);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(ContractQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "site_id", q.SiteId);
        Add(p, "search", q.Search);
        AddFlag(p, "includeinactive", q.IncludeInactive);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(InvoiceQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        Add(p, "invoicedatestart", q.DateFrom);
        Add(p, "invoicedateend", q.DateTo);
        if (q.PaymentStatuses is { Count: > 0 } statuses)
        {
            p.Add(new("paymentstatuses", string.Join(',', statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)))));
        }

        AddFlag(p, "postedonly", q.PostedOnly);
        Add(p, "recurringinvoice_id", q.RecurringInvoiceId);
        AddFlag(p, "includelines", q.IncludeLines);
        Add(p, "search", q.Search);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(RecurringInvoiceQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        AddFlag(p, "includelines", q.IncludeLines);
        Add(p, "search", q.Search);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(ProjectQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "client_id", q.ClientId);
        AddFlag(p, "open_only", q.OpenOnly);
        Add(p, "search", q.Search);
        return p;
    }

    public static List<KeyValuePair<string, string>> For(ReportQuery q)
    {
        var p = new List<KeyValuePair<string, string>>();
        Add(p, "search", q.Search);
        return p;
    }

    /// <summary>Formats an instant as HaloPSA's naive UTC date-time.</summary>
    public static string FormatDate(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        // Milliseconds only when present, so a range ending at a record's own timestamp still includes it.
        return utc.ToString(utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }

    /// <summary>Builds <c>path?a=b&amp;c=d</c> with every name and value escaped.</summary>
    public static string BuildPath(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    private static string NameContainsFilter(string name)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("filter_name", "name");
            writer.WriteNumber("filter_type", 4);
            writer.WriteString("filter_value", name.Trim());
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AddDateRange(List<KeyValuePair<string, string>> p, string column, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return;
        }

        p.Add(new("datesearch", column));
        Add(p, "startdate", from);
        Add(p, "enddate", to);
    }

    private static void Add(List<KeyValuePair<string, string>> p, string name, int? value)
    {
        if (value is { } v)
        {
            p.Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> p, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            p.Add(new(name, value.Trim()));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> p, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            p.Add(new(name, FormatDate(v)));
        }
    }

    private static void AddFlag(List<KeyValuePair<string, string>> p, string name, bool value)
    {
        if (value)
        {
            p.Add(new(name, "true"));
        }
    }
}
