using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// Webhook profiles, faults and deliveries as JSON, with HaloPSA's field names: the <c>Webhook</c> schema for profiles
/// (<c>method</c> 0 POST, 2 PUT, 4 PATCH; <c>authentication_type</c> 0 none, 1 Basic) and the <c>WebhookEvent</c>
/// schema for deliveries. One mapping serves <c>/_sim/webhooks</c> and <c>/api/Webhook</c>.
/// </summary>
internal static class WebhookWire
{
    private static readonly (int Code, string Method)[] Methods = [(0, "POST"), (2, "PUT"), (4, "PATCH")];

    /// <summary>A profile as HaloPSA's GET answers it; the Basic password is never read back.</summary>
    public static JsonObject Profile(WebhookProfile profile)
    {
        var o = profile.Options;
        return new JsonObject
        {
            ["id"] = profile.Id,
            ["name"] = o.Name,
            ["type"] = 0,
            ["url"] = o.Url,
            ["method"] = Methods.FirstOrDefault(m => m.Method == o.Method).Code,
            ["content_type"] = o.ContentType,
            ["authentication_type"] = (int)o.Authentication,
            ["basic_username"] = o.BasicUsername ?? "",
            ["active"] = o.Active,
            ["disabled"] = profile.Disabled,
            ["events"] = new JsonArray([.. SimWebhookEvents.All.Where(e => profile.Events.Count == 0 || profile.Events.Contains(e.EventNo))
                .Select(e => (JsonNode)new JsonObject { ["eventno"] = e.EventNo, ["name"] = e.Name, ["webhook_id"] = profile.Id })]),
            ["batch_method"] = (int)o.BatchMethod,
            ["batch_delay_seconds"] = o.BatchDelaySeconds,
            ["batch_limit"] = o.BatchLimit,
            ["auto_disable_attempts"] = o.AutoDisableAttempts,
            ["last_status"] = profile.LastStatus,
        };
    }

    /// <summary>
    /// Reads a profile from HaloPSA's fields, over <paramref name="existing"/> when updating (absent fields keep their
    /// value). <c>events</c> takes objects with <c>eventno</c> or <c>name</c>, or bare numbers and names; an empty array
    /// means every event. Returns the problem, or null.
    /// </summary>
    public static string? ReadProfile(JsonObject json, SimWebhookOptions? existing, out SimWebhookOptions options)
    {
        options = existing?.Copy() ?? new SimWebhookOptions();
        try
        {
            foreach (var (key, value) in json)
            {
                switch (key)
                {
                    case "id":
                        options.Id = Text(value);
                        break;
                    case "name":
                        options.Name = Text(value) ?? "";
                        break;
                    case "url":
                        options.Url = Text(value) ?? "";
                        break;
                    case "content_type":
                        options.ContentType = Text(value) ?? "";
                        break;
                    case "method":
                        options.Method = value?.GetValueKind() == JsonValueKind.Number
                            ? Methods.FirstOrDefault(m => m.Code == value.GetValue<int>()).Method ?? $"method {value.GetValue<int>()}"
                            : Text(value) ?? "";
                        break;
                    case "authentication_type":
                        options.Authentication = (SimWebhookAuthentication)Number(value);
                        break;
                    case "basic_username":
                        options.BasicUsername = Text(value);
                        break;
                    case "basic_password":
                        options.BasicPassword = Text(value);
                        break;
                    case "active":
                        options.Active = value?.GetValue<bool>() ?? true;
                        break;
                    case "events":
                        options.Events = [.. (value as JsonArray ?? []).Select(EventSpec)];
                        break;
                    case "batch_method":
                        options.BatchMethod = (SimWebhookBatching)Number(value);
                        break;
                    case "batch_delay_seconds":
                        options.BatchDelaySeconds = Number(value);
                        break;
                    case "batch_limit":
                        options.BatchLimit = Number(value);
                        break;
                    case "auto_disable_attempts":
                        options.AutoDisableAttempts = Number(value);
                        break;
                    default:
                        // Read-only state (disabled, last_status) and HaloPSA's many other Webhook fields (runbooks, mappings,
                        // Zapier) do not change delivery; saving a profile re-enables it whatever `disabled` says.
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            return $"a webhook field has the wrong type: {ex.Message}";
        }

        return null;
    }

    /// <summary>Applies <c>{"reset", "drop_rate", "drop_next", "drop_seed", "delay_seconds"}</c>; absent members stay.</summary>
    public static string? ApplyFaults(SimWebhookFaults faults, JsonObject json)
    {
        try
        {
            if (json["reset"]?.GetValue<bool>() == true)
            {
                faults.Reset();
            }

            if (json["drop_seed"] is { } seed)
            {
                faults.SeedDrops(seed.GetValue<int>());
            }

            if (json["drop_rate"] is { } rate)
            {
                faults.DropRate = rate.GetValue<double>();
            }

            if (json["drop_next"] is { } next)
            {
                faults.DropNext = next.GetValue<int>();
            }

            if (json["delay_seconds"] is { } delay)
            {
                faults.Delay = TimeSpan.FromSeconds(delay.GetValue<double>());
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            return $"a webhook fault has the wrong type: {ex.Message}";
        }

        return null;
    }

    public static JsonObject Faults(SimWebhookFaults faults) => new()
    {
        ["drop_rate"] = faults.DropRate,
        ["drop_next"] = faults.DropNext,
        ["delay_seconds"] = faults.Delay.TotalSeconds,
    };

    /// <summary>A delivery with HaloPSA's <c>WebhookEvent</c> names, plus the simulator's <c>state</c>, events and times.</summary>
    public static JsonObject Delivery(SimWebhookDelivery d) => new()
    {
        ["id"] = d.Id,
        ["webhook_id"] = d.WebhookId,
        ["webhook_name"] = d.WebhookName,
        ["state"] = d.State.ToString().ToLowerInvariant(),
        ["url"] = d.Url,
        ["method"] = d.Method,
        ["events"] = new JsonArray([.. d.Events.Select(e => (JsonNode)e)]),
        ["entity_ids"] = new JsonArray([.. d.EntityIds.Select(e => (JsonNode)e)]),
        ["entity_id"] = d.EntityIds.Count > 0 ? d.EntityIds[0] : 0,
        ["queued_at"] = HaloDates.Format(d.QueuedAt.UtcDateTime),
        ["due_at"] = HaloDates.Format(d.DueAt.UtcDateTime),
        ["timestamp"] = d.SentAt is { } sent ? HaloDates.Format(sent.UtcDateTime) : null,
        ["requestheaders"] = d.RequestHeaders,
        ["requestbody"] = d.RequestBody,
        ["responsestatus"] = d.ResponseStatus,
        ["responsebody"] = d.ResponseBody,
        ["error"] = d.State == SimWebhookDeliveryState.Failed,
        ["error_message"] = d.Error,
    };

    private static string EventSpec(JsonNode? node) => node switch
    {
        JsonObject o when o["eventno"] is { } no => no.ToJsonString(),
        JsonObject o => Text(o["name"]) ?? "",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => Text(node) ?? "",
    };

    private static string? Text(JsonNode? node) => node is null ? null : node.GetValueKind() == JsonValueKind.String
        ? node.GetValue<string>()
        : throw new FormatException($"expected a string, got {node.ToJsonString()}");

    private static int Number(JsonNode? node) => node is null ? 0 : node.GetValueKind() == JsonValueKind.Number
        ? node.GetValue<int>()
        : int.Parse(Text(node)!, CultureInfo.InvariantCulture);
}
