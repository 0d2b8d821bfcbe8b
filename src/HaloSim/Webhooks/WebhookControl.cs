using System.Text.Json.Nodes;
using HaloMcp.HaloSim.Wire;

namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// Webhooks over HTTP: the simulator's control surface (<c>/_sim/webhooks/{instance}[/deliveries]</c>, no token, not
/// budgeted) and HaloPSA's own <c>/api/Webhook</c> (bearer token with <c>all</c> or <c>admin</c>, budgeted like any
/// API call). Both read and write profiles with HaloPSA's field names (<see cref="WebhookWire"/>).
/// </summary>
internal static class WebhookControl
{
    /// <summary><c>/_sim/webhooks/{instance}</c> and <c>/_sim/webhooks/{instance}/deliveries</c>.</summary>
    public static async Task SimAsync(HttpContext ctx, SimInstance instance, bool deliveries)
    {
        var method = ctx.Request.Method;
        var webhooks = instance.Webhooks;
        if (deliveries)
        {
            if (HttpMethods.IsDelete(method))
            {
                webhooks.ClearDeliveries();
                ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            }
            else if (HttpMethods.IsGet(method))
            {
                await SimRequestDispatcher.WriteNodeAsync(ctx, 200, new JsonObject
                {
                    ["instance"] = instance.Name,
                    ["deliveries"] = new JsonArray([.. webhooks.Deliveries.Select(d => (JsonNode)WebhookWire.Delivery(d))]),
                });
            }
            else
            {
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            }

            return;
        }

        if (HttpMethods.IsPost(method))
        {
            if (await SimControl.ReadObjectAsync(ctx) is not { } request)
            {
                await SimControl.BadRequestAsync(ctx, "expected a JSON object with 'webhooks' and/or 'faults'");
                return;
            }

            if (Configure(webhooks, request) is { } problem)
            {
                await SimControl.BadRequestAsync(ctx, problem);
                return;
            }
        }
        else if (!HttpMethods.IsGet(method))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        await SimRequestDispatcher.WriteNodeAsync(ctx, 200, new JsonObject
        {
            ["webhooks"] = ProfilesJson(webhooks),
            ["faults"] = WebhookWire.Faults(webhooks.Faults),
        });
    }

    /// <summary>
    /// HaloPSA's <c>/api/Webhook</c>: GET lists the profiles (a bare array: the envelope, if any, is not documented),
    /// GET <c>/{id}</c> one, POST upserts an array (all validated before any applies), DELETE <c>/{id}</c> removes one.
    /// </summary>
    public static async Task ApiAsync(HttpContext ctx, SimInstance instance, string[] rest)
    {
        var webhooks = instance.Webhooks;
        var method = ctx.Request.Method;
        var id = rest.Length == 3 ? rest[2] : null;
        if (HttpMethods.IsGet(method) && id is null)
        {
            await SimRequestDispatcher.WriteNodeAsync(ctx, 200, ProfilesJson(webhooks));
        }
        else if (HttpMethods.IsGet(method))
        {
            var profile = webhooks.ReadProfiles(all => all.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)) is { } found
                ? WebhookWire.Profile(found)
                : null);
            await (profile is null ? NotFoundAsync(ctx, id!) : SimRequestDispatcher.WriteNodeAsync(ctx, 200, profile));
        }
        else if (HttpMethods.IsDelete(method) && id is not null)
        {
            if (webhooks.Remove(id))
            {
                ctx.Response.StatusCode = StatusCodes.Status200OK;
            }
            else
            {
                await NotFoundAsync(ctx, id);
            }
        }
        else if (HttpMethods.IsPost(method) && id is null)
        {
            await UpsertAsync(ctx, webhooks);
        }
        else
        {
            await SimRequestDispatcher.WriteAsync(ctx, 404, new HaloError("System.Exception", "No such API operation"), SimJsonContext.Default.HaloError);
        }
    }

    private static async Task UpsertAsync(HttpContext ctx, SimWebhooks webhooks)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        if (body is not JsonArray { Count: > 0 } items || items.Any(i => i is not JsonObject))
        {
            await SimRequestDispatcher.WriteAsync(ctx, 400, new HaloError("System.Exception", "The request body must be a non-empty JSON array of objects"), SimJsonContext.Default.HaloError);
            return;
        }

        var existing = Existing(webhooks);
        var planned = new List<SimWebhookOptions>();
        foreach (var item in items.Cast<JsonObject>())
        {
            var id = IdOf(item);
            SimWebhookOptions? current = null;
            if (!string.IsNullOrEmpty(id) && !existing.TryGetValue(id, out current))
            {
                await NotFoundAsync(ctx, id);
                return;
            }

            var problem = WebhookWire.ReadProfile(item, current, out var options);
            if (problem is null && current is null && string.IsNullOrWhiteSpace(options.Name))
            {
                problem = "Please enter a name for the Webhook";
            }

            if (problem is not null)
            {
                await SimRequestDispatcher.WriteAsync(ctx, 400, new HaloError("System.Exception", problem), SimJsonContext.Default.HaloError);
                return;
            }

            options.Id = current?.Id ?? Guid.NewGuid().ToString();
            planned.Add(options);
        }

        // Validate the whole array against the profiles it will replace, then apply it in one step.
        var merged = existing.Values.Where(e => !planned.Exists(p => string.Equals(p.Id, e.Id, StringComparison.OrdinalIgnoreCase))).Concat(planned).ToList();
        if (webhooks.TryConfigure(merged) is { } invalid)
        {
            await SimRequestDispatcher.WriteAsync(ctx, 400, new HaloError("System.Exception", invalid), SimJsonContext.Default.HaloError);
            return;
        }

        var saved = webhooks.ReadProfiles(all => planned.Select(p => (JsonNode)WebhookWire.Profile(all.First(a => string.Equals(a.Id, p.Id, StringComparison.OrdinalIgnoreCase)))).ToList());
        await SimRequestDispatcher.WriteNodeAsync(ctx, 200, saved.Count == 1 ? saved[0] : new JsonArray([.. saved]));
    }

    /// <summary>Applies <c>{"webhooks": [...], "faults": {...}}</c>; webhooks, when present, replace every profile.</summary>
    private static string? Configure(SimWebhooks webhooks, JsonObject request)
    {
        if (request["faults"] is { } faults)
        {
            if (faults is not JsonObject faultObject)
            {
                return "'faults' must be an object";
            }

            if (WebhookWire.ApplyFaults(webhooks.Faults, faultObject) is { } problem)
            {
                return problem;
            }
        }

        if (request["webhooks"] is not { } list)
        {
            return null;
        }

        if (list is not JsonArray profiles || profiles.Any(p => p is not JsonObject))
        {
            return "'webhooks' must be an array of webhook objects";
        }

        var existing = Existing(webhooks);
        var planned = new List<SimWebhookOptions>();
        foreach (var json in profiles.Cast<JsonObject>())
        {
            var id = IdOf(json);
            if (WebhookWire.ReadProfile(json, id is null ? null : existing.GetValueOrDefault(id), out var options) is { } problem)
            {
                return problem;
            }

            planned.Add(options);
        }

        return webhooks.TryConfigure(planned);
    }

    /// <summary>Copies of the current profiles' settings by id, for updates that name only what changes.</summary>
    private static Dictionary<string, SimWebhookOptions> Existing(SimWebhooks webhooks) =>
        webhooks.ReadProfiles(all => all.ToDictionary(p => p.Id, p => p.Options.Copy(), StringComparer.OrdinalIgnoreCase));

    private static string? IdOf(JsonObject profile) =>
        profile["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? profile["id"]!.GetValue<string>() : null;

    private static JsonArray ProfilesJson(SimWebhooks webhooks) =>
        webhooks.ReadProfiles(all => new JsonArray([.. all.Select(p => (JsonNode)WebhookWire.Profile(p))]));

    private static Task NotFoundAsync(HttpContext ctx, string id) =>
        SimRequestDispatcher.WriteAsync(ctx, 404, new HaloError("System.Exception", $"Webhook {id} not found"), SimJsonContext.Default.HaloError);
}
