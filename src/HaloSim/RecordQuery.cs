using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// Turns a list request's query string into HaloPSA's filtering, ordering and paging. Parameters HaloPSA does not
/// know, or that the simulator does not model, are ignored, as HaloPSA ignores unknown parameters.
/// </summary>
internal sealed class RecordQuery
{
    /// <summary>Default rows when not paginating, and default page size (peer-landscape §6 #1).</summary>
    public const int DefaultRows = 50;

    /// <summary>HaloPSA caps pages at 100 rows (spec text for the ticket family; applied to every list here).</summary>
    public const int MaxPageSize = 100;

    private static readonly HashSet<int> ClosedStatuses = [8, 9];

    private readonly List<Func<JsonObject, bool>> _filters = [];
    private readonly IQueryCollection _q;

    private RecordQuery(IQueryCollection query)
    {
        _q = query;
    }

    public bool Paginate { get; private init; }

    public int PageSize { get; private init; }

    public int PageNo { get; private init; }

    public int Count { get; private init; }

    public static RecordQuery Parse(SimEntityKind kind, IQueryCollection q, SimBehaviourOptions behaviours)
    {
        var paginate = Flag(q, "pageinate");
        var query = new RecordQuery(q)
        {
            Paginate = paginate,
            PageSize = Math.Clamp(IntParam(q, "page_size") ?? DefaultRows, 1, MaxPageSize),
            PageNo = Math.Max(1, IntParam(q, "page_no") ?? 1),
            Count = Math.Max(0, IntParam(q, "count") ?? DefaultRows),
        };
        query.AddFilters(kind, behaviours);
        return query;
    }

    /// <summary>Filters and orders; the caller pages.</summary>
    public List<JsonObject> Apply(IEnumerable<JsonObject> records)
    {
        var matches = records.Where(r => _filters.TrueForAll(f => f(r))).ToList();
        var order = Str(_q, "order");
        var desc = Flag(_q, "orderdesc");
        if (!string.IsNullOrEmpty(order))
        {
            var key = order.ToLowerInvariant() == "dateoccured" ? "dateoccurred" : order.ToLowerInvariant();
            matches.Sort((a, b) => CompareField(a[key], b[key]));
            if (desc)
            {
                matches.Reverse();
            }
        }
        else if (desc)
        {
            matches.Reverse();
        }

        return matches;
    }

    public List<JsonObject> Page(List<JsonObject> matches) =>
        Paginate
            ? matches.Skip((PageNo - 1) * PageSize).Take(PageSize).ToList()
            : matches.Take(Count).ToList();

    private void AddFilters(SimEntityKind kind, SimBehaviourOptions behaviours)
    {
        switch (kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                if (IntParam(_q, "asset_id") is { } assetId)
                {
                    // Tickets name the assets they concern in their assets array.
                    _filters.Add(r => r["assets"] is JsonArray linked && linked.OfType<JsonObject>().Any(a => JsonFields.Int(a, "id") == assetId));
                }

                IntEq("client_id", "client_id");
                IntEq("site_id", "site_id");
                IntEq("user_id", "user_id");
                IntEq("agent_id", "agent_id");
                IntEq("team_id", "team_id");
                IntEq("status_id", "status_id");
                IntEq("requesttype", "tickettype_id");
                IntEq("requesttype_id", "tickettype_id");
                IntEq("tickettype_id", "tickettype_id");
                IntEq("toplevel_id", "toplevel_id");
                IntEq("contract_id", "contract_id");
                IntEq("parent_id", "parent_id");
                CsvIn("status", "status_id");
                CsvIn("team", "team_id");
                CsvIn("priority", "priority_id");
                StringEq("team_name", "team");
                StringEq("category_1", "category_1");
                if (Flag(_q, "open_only"))
                {
                    _filters.Add(r => !ClosedStatuses.Contains(JsonFields.Int(r, "status_id")));
                }

                if (Flag(_q, "closed_only"))
                {
                    _filters.Add(r => ClosedStatuses.Contains(JsonFields.Int(r, "status_id")));
                }

                Contains("search", "summary", "details");
                Contains("search_summary", "summary");
                var dateField = Str(_q, "datesearch")?.ToLowerInvariant() switch
                {
                    "datecleared" or "dateclosed" => "dateclosed",
                    "lastactiondate" => "lastactiondate",
                    "last_update" or "lastupdate" => "last_update",
                    _ => "dateoccurred",
                };
                DateRange(dateField, "startdate", "enddate");
                break;
            case SimEntityKind.Action:
                IntEq("ticket_id", "ticket_id");
                if (Flag(_q, "agentonly"))
                {
                    _filters.Add(r => JsonFields.Int(r, "who_agentid") > 0);
                }

                if (Flag(_q, "excludesys"))
                {
                    _filters.Add(r => JsonFields.Int(r, "action_systemid") == 0);
                }

                if (Flag(_q, "excludeprivate"))
                {
                    _filters.Add(r => !JsonFields.Bool(r, "hiddenfromuser"));
                }

                if (Flag(_q, "importantonly"))
                {
                    _filters.Add(r => JsonFields.Bool(r, "important"));
                }

                if (Flag(_q, "timeentriesonly"))
                {
                    _filters.Add(r => JsonFields.Double(r, "timetaken") > 0);
                }

                DateRange("datetime", "startdate", "enddate");
                break;
            case SimEntityKind.Client:
                InactiveFilter();
                IntEq("toplevel_id", "toplevel_id");
                // Plain `search` on /Client is contested (§11.4): a real tenant ignored it (peer-landscape §6 #7), HaloPSA's
                // own API text says it filters. Name filtering always works through advanced_search (filter_type 4 =
                // contains), and through search_name_only=true + search, which the spec lists and PROV relies on.
                if (behaviours.ClientSearch == SimClientSearch.Honoured || Flag(_q, "search_name_only"))
                {
                    Contains("search", "name");
                }

                AdvancedSearch();
                break;
            case SimEntityKind.Site:
                InactiveFilter();
                IntEq("client_id", "client_id");
                IntEq("toplevel_id", "toplevel_id");
                Contains("search", "name");
                break;
            case SimEntityKind.User:
                InactiveFilter();
                IntEq("client_id", "client_id");
                IntEq("site_id", "site_id_int");
                Contains("search", "name", "emailaddress");
                if (Flag(_q, "onlyusers"))
                {
                    _filters.Add(r => JsonFields.Int(r, "linked_agent_id") == 0 && !JsonFields.Bool(r, "isserviceaccount"));
                }

                if (Flag(_q, "exclude_agents"))
                {
                    _filters.Add(r => JsonFields.Int(r, "linked_agent_id") == 0);
                }

                AdvancedSearch();
                break;
            case SimEntityKind.Agent:
                if (!Flag(_q, "includedisabled"))
                {
                    _filters.Add(r => !JsonFields.Bool(r, "isdisabled"));
                }

                IntEq("team_id", "team_id");
                AgentTeam();
                Contains("search", "name", "email");
                break;
            case SimEntityKind.Team:
                if (!Flag(_q, "includedisabled"))
                {
                    _filters.Add(r => !JsonFields.Bool(r, "inactive"));
                }

                break;
            case SimEntityKind.Asset:
                InactiveFilter();
                IntEq("client_id", "client_id");
                IntEq("site_id", "site_id");
                IntEq("assettype_id", "assettype_id");
                IntEq("contract_id", "contract_id");
                Contains("search", "inventory_number", "key_field", "key_field2", "key_field3");
                AdvancedSearch();
                break;
            case SimEntityKind.Contract:
                if (!Flag(_q, "includeinactive"))
                {
                    _filters.Add(r => JsonFields.Bool(r, "active"));
                }

                IntEq("client_id", "client_id");
                IntEq("site_id", "site_id");
                Contains("search", "ref", "client_name");
                break;
            case SimEntityKind.Invoice or SimEntityKind.RecurringInvoice:
                IntEq("client_id", "client_id");
                CsvIn("client_ids", "client_id");
                IntEq("site_id", "sitenumber");
                IntEq("contract_id", "contract_id");
                IntEq("ticket_id", "ticket_id");
                IntEq("recurringinvoice_id", "recurring_invoice_id");
                CsvIn("paymentstatuses", "paymentstatus");
                if (Flag(_q, "postedonly"))
                {
                    _filters.Add(r => JsonFields.Bool(r, "posted"));
                }

                if (Flag(_q, "notpostedonly"))
                {
                    _filters.Add(r => !JsonFields.Bool(r, "posted"));
                }

                // The spec's invoice date-range parameters are invoicedatestart / invoicedateend (inclusive).
                DateRange("invoice_date", "invoicedatestart", "invoicedateend");
                Contains("search", "invoicenumber", "client_name");
                break;
            case SimEntityKind.Report:
                Contains("search", "name");
                IntEq("reportgroup_id", "group_id");
                break;
            case SimEntityKind.Priority:
                IntEq("slaid", "slaid");
                break;
            case SimEntityKind.Status:
                if (Flag(_q, "excludeclosed"))
                {
                    _filters.Add(r => !ClosedStatuses.Contains(JsonFields.Int(r, "id")));
                }

                break;
            default:
                break;
        }
    }

    private void InactiveFilter()
    {
        if (!Flag(_q, "includeinactive"))
        {
            _filters.Add(r => !JsonFields.Bool(r, "inactive"));
        }
    }

    private void AgentTeam()
    {
        var team = Str(_q, "team");
        if (string.IsNullOrEmpty(team))
        {
            return;
        }

        var ids = ParseCsv(team);
        _filters.Add(r =>
        {
            if (r["teams"] is JsonArray teams)
            {
                foreach (var t in teams.OfType<JsonObject>())
                {
                    if (ids.Contains(JsonFields.Int(t, "id")) || string.Equals(JsonFields.String(t, "name"), team, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return string.Equals(JsonFields.String(r, "team"), team, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>
    /// <c>advanced_search=[{"filter_name":"name","filter_type":4,"filter_value":"..."}]</c>. filter_type 4 is "contains"
    /// (peer-landscape §6 #7); other types are treated as equality (case-insensitive), which is an assumption.
    /// A malformed value is ignored.
    /// </summary>
    private void AdvancedSearch()
    {
        var raw = Str(_q, "advanced_search");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }

        JsonArray? terms;
        try
        {
            terms = JsonNode.Parse(raw) as JsonArray;
        }
        catch (JsonException)
        {
            return;
        }

        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            var field = JsonFields.String(term, "filter_name");
            var value = JsonFields.String(term, "filter_value");
            var type = JsonFields.Int(term, "filter_type");
            if (string.IsNullOrEmpty(field) || value is null)
            {
                continue;
            }

            _filters.Add(type == 4
                ? r => JsonFields.String(r, field)?.Contains(value, StringComparison.OrdinalIgnoreCase) == true
                : r => string.Equals(JsonFields.String(r, field), value, StringComparison.OrdinalIgnoreCase));
        }
    }

    private void IntEq(string param, string field)
    {
        if (IntParam(_q, param) is { } value)
        {
            _filters.Add(r => JsonFields.Int(r, field) == value);
        }
    }

    private void CsvIn(string param, string field)
    {
        var raw = Str(_q, param);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }

        var ids = ParseCsv(raw);
        if (ids.Count > 0)
        {
            _filters.Add(r => ids.Contains(JsonFields.Int(r, field)));
        }
    }

    private void StringEq(string param, string field)
    {
        var value = Str(_q, param);
        if (!string.IsNullOrEmpty(value))
        {
            _filters.Add(r => string.Equals(JsonFields.String(r, field), value, StringComparison.OrdinalIgnoreCase));
        }
    }

    private void Contains(string param, params string[] fields)
    {
        var value = Str(_q, param)?.Trim();
        if (!string.IsNullOrEmpty(value))
        {
            _filters.Add(r => fields.Any(f => JsonFields.String(r, f)?.Contains(value, StringComparison.OrdinalIgnoreCase) == true));
        }
    }

    /// <summary>Inclusive range; a date-only end means the whole of that day. Unset (sentinel) dates never match.</summary>
    private void DateRange(string field, string startParam, string endParam)
    {
        var start = HaloDates.Parse(Str(_q, startParam));
        var endRaw = Str(_q, endParam);
        var end = HaloDates.Parse(endRaw);
        if (end is { } e && e.TimeOfDay == TimeSpan.Zero && endRaw is not null && !endRaw.Contains('T', StringComparison.Ordinal))
        {
            end = e.AddDays(1).AddTicks(-1);
        }

        if (start is null && end is null)
        {
            return;
        }

        _filters.Add(r =>
        {
            var value = JsonFields.Date(r, field);
            return value is not null && (start is null || value >= start) && (end is null || value <= end);
        });
    }

    private static int CompareField(JsonNode? a, JsonNode? b)
    {
        var na = JsonFields.Number(a);
        var nb = JsonFields.Number(b);
        if (na is not null && nb is not null)
        {
            return na.Value.CompareTo(nb.Value);
        }

        return string.Compare(JsonFields.String(a), JsonFields.String(b), StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<int> ParseCsv(string raw) =>
        raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null)
            .Where(v => v is not null)
            .Select(v => v!.Value)
            .ToHashSet();

    internal static string? Str(IQueryCollection q, string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;

    internal static bool Flag(IQueryCollection q, string name) =>
        string.Equals(Str(q, name), "true", StringComparison.OrdinalIgnoreCase) || Str(q, name) == "1";

    internal static int? IntParam(IQueryCollection q, string name) =>
        int.TryParse(Str(q, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
