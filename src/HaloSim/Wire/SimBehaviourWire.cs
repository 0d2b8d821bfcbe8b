using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Wire;

/// <summary>
/// <see cref="SimBehaviourOptions"/> on the wire of <c>/_sim/behaviours/{instance}</c>: snake_case keys, enum values as
/// snake_case names (<c>{"client_search":"honoured","recurring_invoice_list":"bare_array"}</c>).
/// </summary>
internal static class SimBehaviourWire
{
    private static readonly (string Key, Func<SimBehaviourOptions, Enum> Get, Func<SimBehaviourOptions, string, bool> Set)[] Switches =
    [
        Switch("client_search", b => b.ClientSearch, (b, v) => b.ClientSearch = v),
        Switch("single_record_get", b => b.SingleRecordGet, (b, v) => b.SingleRecordGet = v),
        Switch("single_record_post", b => b.SingleRecordPost, (b, v) => b.SingleRecordPost = v),
        Switch("recurring_invoice_list", b => b.RecurringInvoiceList, (b, v) => b.RecurringInvoiceList = v),
        Switch("agent_list_when_paged", b => b.AgentListWhenPaged, (b, v) => b.AgentListWhenPaged = v),
        Switch("record_count_without_paging", b => b.RecordCountWithoutPaging, (b, v) => b.RecordCountWithoutPaging = v),
    ];

    public static JsonObject ToJson(SimBehaviourOptions behaviours)
    {
        var json = new JsonObject();
        foreach (var (key, get, _) in Switches)
        {
            json[key] = SnakeCase(get(behaviours).ToString());
        }

        return json;
    }

    /// <summary>Validates every member first and applies only when all are valid; returns the first problem or null.</summary>
    public static string? TryApply(SimBehaviourOptions behaviours, JsonObject request)
    {
        var trial = behaviours.Copy();
        foreach (var (key, value) in request)
        {
            var known = Array.Find(Switches, s => s.Key == key);
            if (known.Key is null)
            {
                return $"unknown switch '{key}'; known: {string.Join(", ", Switches.Select(s => s.Key))}";
            }

            var text = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
            if (text is null || !known.Set(trial, text))
            {
                var choices = Enum.GetNames(known.Get(trial).GetType()).Select(SnakeCase);
                return $"'{key}' must be one of {string.Join(", ", choices)}";
            }
        }

        behaviours.CopyFrom(trial);
        return null;
    }

    private static (string, Func<SimBehaviourOptions, Enum>, Func<SimBehaviourOptions, string, bool>) Switch<T>(
        string key, Func<SimBehaviourOptions, T> get, Action<SimBehaviourOptions, T> set)
        where T : struct, Enum =>
        (key, b => get(b), (b, text) =>
        {
            if (!Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return false;
            }

            set(b, parsed);
            return true;
        });

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
