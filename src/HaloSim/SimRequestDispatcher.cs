using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HaloMcp.HaloSim.Auth;
using HaloMcp.HaloSim.Webhooks;
using HaloMcp.HaloSim.Wire;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>
/// Serves every simulator request: <c>[/{instance}]/auth/token</c>, <c>[/{instance}]/api/...</c> and the
/// <c>/_sim/...</c> control surface. Routing is by path segment and case-insensitive, like HaloPSA's.
/// </summary>
internal sealed class SimRequestDispatcher(SimInstanceRegistry registry, ILogger<SimRequestDispatcher> logger)
{
    private const string Unauthorized = "Authorization has been denied for this request.";

    private TimeProvider Time => registry.Time;

    public async Task HandleAsync(HttpContext ctx)
    {
        var segments = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && Is(segments[0], "_sim"))
        {
            await SimControl.HandleAsync(ctx, registry, segments[1..], logger);
            return;
        }

        SimInstance instance;
        string[] rest;
        var explicitInstance = false;
        if (segments.Length > 0 && (Is(segments[0], "api") || Is(segments[0], "auth")))
        {
            instance = registry.Default;
            rest = segments;
        }
        else if (segments.Length > 1 && registry.Find(segments[0]) is { } named && (Is(segments[1], "api") || Is(segments[1], "auth")))
        {
            instance = named;
            rest = segments[1..];
            explicitInstance = true;
        }
        else
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Hosted style: the tenant query parameter on the token URL selects the instance.
        SimInstance? tenantMismatch = null;
        var tenant = RecordQuery.Str(ctx.Request.Query, "tenant");
        if (Is(rest[0], "auth") && !string.IsNullOrEmpty(tenant))
        {
            var selected = registry.Find(tenant);
            if (explicitInstance ? selected != instance : selected is null)
            {
                tenantMismatch = instance;
            }
            else
            {
                instance = selected!;
            }
        }

        var relativePath = "/" + string.Join('/', rest);
        var startedAt = Time.GetUtcNow();
        var startSequence = SimRequestLog.NextSequence();
        var outcome = new SimRequestOutcome();
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 1)
            {
                return;
            }

            var status = outcome.Aborted ? 0 : ctx.Response.StatusCode;
            instance.Requests.Add(new SimRequestLogEntry(
                ctx.Request.Method, relativePath, ctx.Request.QueryString.Value ?? "", status, startedAt, Time.GetUtcNow(),
                startSequence, SimRequestLog.NextSequence(), outcome.BudgetCounted, outcome.Aborted, outcome.ClientId, outcome.AgentId));
            SimLog.Served(logger, instance.Name, ctx.Request.Method, relativePath, status);
        }

        // Recording as the response starts (not after it is sent) means a caller that has seen the answer always finds
        // the request in the log; an aborted request records itself just before the abort.
        ctx.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        outcome.Record = Record;
        try
        {
            if (tenantMismatch is not null)
            {
                await WriteAsync(ctx, 400, new OAuthError("invalid_request", $"tenant '{tenant}' does not match this instance"), SimJsonContext.Default.OAuthError);
            }
            else if (Is(rest[0], "auth"))
            {
                await AuthEndpoints.HandleAsync(ctx, instance, rest, outcome);
            }
            else
            {
                await ApiAsync(ctx, instance, rest, relativePath, outcome);
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            outcome.Aborted = true;
        }
        catch (Exception ex) when (!ctx.Response.HasStarted)
        {
            // A simulator bug must still look like HaloPSA failing, never leak a stack trace, and be logged as a 500.
            SimLog.Failed(logger, ex, instance.Name, ctx.Request.Method, relativePath);
            ctx.Response.Clear();
            await WriteAsync(ctx, 500, new HaloError("System.Exception", "An unexpected error occurred. Please try again."), SimJsonContext.Default.HaloError);
        }
        finally
        {
            Record();
        }
    }

    // --- /api -----------------------------------------------------------------------------------------------

    private async Task ApiAsync(HttpContext ctx, SimInstance instance, string[] rest, string relativePath, SimRequestOutcome outcome)
    {
        if (rest.Length < 2)
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var segment = rest[1];
        if (Is(segment, "authinfo") && HttpMethods.IsGet(ctx.Request.Method))
        {
            var authUrl = InstanceUrl(ctx, instance) + "/auth";
            await WriteAsync(ctx, 200, new AuthInfoResponse(authUrl, instance.Name), SimJsonContext.Default.AuthInfoResponse);
            return;
        }

        var header = ctx.Request.Headers.Authorization.ToString();
        var grant = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? instance.Tokens.Validate(header[7..].Trim()) : null;
        if (grant is null)
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(ctx, 401, new MessageError(Unauthorized), SimJsonContext.Default.MessageError);
            return;
        }

        outcome.ClientId = grant.ClientId;
        outcome.AgentId = grant.AgentId;

        var isInstanceInfo = Is(segment, "InstanceInfo");
        var isWebhook = Is(segment, "Webhook");
        var route = isInstanceInfo || isWebhook ? null : EntityRoutes.Find(segment);
        if (route is null && !isInstanceInfo && !isWebhook)
        {
            await WriteAsync(ctx, 404, new HaloError("System.Exception", $"No API resource '{segment}'"), SimJsonContext.Default.HaloError);
            return;
        }

        // Webhook configuration is administration: HaloPSA's scope vocabulary has `admin` for it, and `all` covers it.
        var missing = isWebhook
            ? (grant.Scopes.Contains("all") || grant.Scopes.Contains("admin") ? null : "admin")
            : route is null
                ? (grant.Scopes.Count == 0 ? "all" : null)
                : EntityRoutes.MissingScope(grant.Scopes, route.Area, ctx.Request.Method);
        if (missing is not null)
        {
            await WriteAsync(ctx, 403, new MessageError($"The API application's token lacks the '{missing}' permission required for this request."),
                SimJsonContext.Default.MessageError);
            return;
        }

        if (instance.Faults.TakeForced429())
        {
            await RateLimitedAsync(ctx, instance, TimeSpan.FromSeconds(instance.Budget.Options.WindowSeconds));
            return;
        }

        if (!instance.Budget.TryConsume(out var retryAfter))
        {
            await RateLimitedAsync(ctx, instance, retryAfter);
            return;
        }

        outcome.BudgetCounted = true;
        if (instance.Faults.Latency > TimeSpan.Zero)
        {
            // Real time on purpose: see SimFaults remarks.
            await Task.Delay(instance.Faults.Latency, ctx.RequestAborted);
        }

        var injected = instance.Faults.DrawError();
        if (injected != 0)
        {
            await InjectedErrorAsync(ctx, injected);
            return;
        }

        if (isWebhook)
        {
            await WebhookControl.ApiAsync(ctx, instance, rest);
            return;
        }

        if (route is null)
        {
            await InstanceInfoAsync(ctx, instance);
            return;
        }

        var method = ctx.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            await GetAsync(ctx, instance, route, rest, grant);
        }
        else if (HttpMethods.IsPost(method) && rest.Length == 2)
        {
            await PostAsync(ctx, instance, route, relativePath, outcome, ActorOf(grant));
        }
        else if (HttpMethods.IsDelete(method) && rest.Length == 3)
        {
            await DeleteAsync(ctx, instance, route, rest[2], ActorOf(grant));
        }
        else if (HttpMethods.IsPost(method) || HttpMethods.IsDelete(method))
        {
            await WriteAsync(ctx, 404, new HaloError("System.Exception", "No such API operation"), SimJsonContext.Default.HaloError);
        }
        else
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        }
    }

    private static async Task RateLimitedAsync(HttpContext ctx, SimInstance instance, TimeSpan retryAfter)
    {
        if (instance.Budget.Options.SendRetryAfter)
        {
            ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(ctx, 429, new OAuthError(instance.Budget.LimitMessage), SimJsonContext.Default.OAuthError);
    }

    private static async Task InjectedErrorAsync(HttpContext ctx, int status)
    {
        if (status == 500)
        {
            await WriteAsync(ctx, 500, new HaloError("System.Exception", "An unexpected error occurred. Please try again."), SimJsonContext.Default.HaloError);
            return;
        }

        // 502/503 come from the load balancer in front of HaloPSA, as HTML rather than JSON.
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html";
        await ctx.Response.WriteAsync(status == 502 ? "<html><body><h1>502 Bad Gateway</h1></body></html>" : "<html><body><h1>503 Service Unavailable</h1></body></html>", ctx.RequestAborted);
    }

    private static async Task InstanceInfoAsync(HttpContext ctx, SimInstance instance)
    {
        var url = InstanceUrl(ctx, instance);
        var info = new JsonObject
        {
            ["dbid"] = $"sim-{instance.Name}", ["app_version"] = "2.190.1", ["database_version"] = "2.190.1",
            ["agent_count"] = instance.Data.Count(SimEntityKind.Agent), ["licensed_agent_count"] = 25, ["online_agent_count"] = 3,
            ["last_login"] = HaloDates.Format(instance.Data.Anchor), ["app_name"] = "Halo PSA", ["agent_url"] = url,
            ["portal_url"] = url + "/portal", ["auth_url"] = url + "/auth", ["mobileapp_enabled"] = true, ["tenant"] = instance.Name,
        };
        await WriteNodeAsync(ctx, 200, info);
    }

    private async Task GetAsync(HttpContext ctx, SimInstance instance, EntityRoute route, string[] rest, SimToken grant)
    {
        var q = ctx.Request.Query;
        if (rest.Length == 2)
        {
            var bytes = instance.Data.Locked(t => RecordRendering.List(t, route, q, instance.Behaviours));
            await WriteBytesAsync(ctx, 200, bytes);
            return;
        }

        if (rest.Length != 3)
        {
            await WriteAsync(ctx, 404, new HaloError("System.Exception", "No such API operation"), SimJsonContext.Default.HaloError);
            return;
        }

        var idText = rest[2];
        var ticketId = RecordQuery.IntParam(q, "ticket_id");
        if (route.Kind == SimEntityKind.Action && ticketId is null)
        {
            await WriteAsync(ctx, 400, new HaloError("System.Exception", "Please specify the ticket_id of the Action"), SimJsonContext.Default.HaloError);
            return;
        }

        var withLines = RecordQuery.Flag(q, "includedetails");
        var body = instance.Data.Locked(t =>
        {
            JsonObject? record;
            if (route.Kind == SimEntityKind.Priority)
            {
                record = t[route.Kind].Values.FirstOrDefault(p => string.Equals(JsonFields.String(p, "id"), idText, StringComparison.OrdinalIgnoreCase));
            }
            else if (route.Kind == SimEntityKind.Agent && Is(idText, "me"))
            {
                // The signed-in agent, or the API application's own agent (the first).
                record = grant.AgentId is { } me ? t.Find(route.Kind, me) : t[route.Kind].Values.FirstOrDefault();
            }
            else
            {
                record = int.TryParse(idText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    ? t.FindAddressable(route.Kind, id)
                    : null;
            }

            if (record is null || (route.Kind == SimEntityKind.Action && JsonFields.Int(record, "ticket_id") != ticketId))
            {
                return null;
            }

            return RecordRendering.Records(route, [record], withLines, instance.Behaviours.SingleRecordGet);
        });

        if (body is null)
        {
            await WriteAsync(ctx, 404, new HaloError("System.Exception", $"{route.Label} {idText} not found"), SimJsonContext.Default.HaloError);
            return;
        }

        await WriteBytesAsync(ctx, 200, body);
    }

    private static SimActor ActorOf(SimToken grant) => grant.AgentId is { } agent ? new SimActor(agent, Signed: true) : SimActor.ApiApplication;

    private async Task PostAsync(HttpContext ctx, SimInstance instance, EntityRoute route, string relativePath, SimRequestOutcome outcome, SimActor actor)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is not JsonArray items || items.Count == 0)
        {
            await WriteAsync(ctx, 400, new HaloError("System.Exception", "The request body must be a non-empty JSON array"), SimJsonContext.Default.HaloError);
            return;
        }

        if (route.Kind == SimEntityKind.Report && items[0] is JsonObject first && JsonFields.Bool(first, "_loadreportonly"))
        {
            await WriteNodeAsync(ctx, 200, ReportQueryResult(first));
            return;
        }

        var (result, bytes) = instance.Upsert(route, items, actor);

        if (result.Failed)
        {
            await WriteAsync(ctx, result.FailureStatus, new HaloError("System.Exception", result.FailureMessage!), SimJsonContext.Default.HaloError);
            return;
        }

        switch (instance.Faults.TakeApplyThenFail(relativePath))
        {
            case SimPostFailureMode.ServerError:
                await WriteAsync(ctx, 500, new HaloError("System.Exception", "An unexpected error occurred. Please try again."), SimJsonContext.Default.HaloError);
                return;
            case SimPostFailureMode.Abort:
                outcome.Aborted = true;
                outcome.Record?.Invoke();
                ctx.Abort();
                return;
            default:
                break;
        }

        // SPEC-25b declares 201 Created for POST /Actions and 200 elsewhere.
        await WriteBytesAsync(ctx, route.Kind == SimEntityKind.Action ? 201 : 200, bytes);
    }

    private static JsonObject ReportQueryResult(JsonObject request) => new()
    {
        ["id"] = 0,
        ["sql"] = JsonFields.String(request, "sql") ?? "",
        ["available_columns"] = new JsonArray(),
        ["report"] = new JsonObject
        {
            ["loaded"] = false,
            ["load_error"] = "Ad-hoc SQL is not supported by the simulator",
            ["rows"] = new JsonArray(),
        },
    };

    private async Task DeleteAsync(HttpContext ctx, SimInstance instance, EntityRoute route, string idText, SimActor actor)
    {
        var ticketId = RecordQuery.IntParam(ctx.Request.Query, "ticket_id");
        if (route.Kind == SimEntityKind.Action && ticketId is null)
        {
            await WriteAsync(ctx, 400, new HaloError("System.Exception", "Please specify the ticket_id of the Action"), SimJsonContext.Default.HaloError);
            return;
        }

        if (!int.TryParse(idText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            await WriteAsync(ctx, 404, new HaloError("System.Exception", $"{route.Label} {idText} not found"), SimJsonContext.Default.HaloError);
            return;
        }

        var result = instance.Delete(route, id, ticketId, actor);
        if (result.Failed)
        {
            await WriteAsync(ctx, result.FailureStatus, new HaloError("System.Exception", result.FailureMessage!), SimJsonContext.Default.HaloError);
            return;
        }

        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }

    // --- writing --------------------------------------------------------------------------------------------

    internal static async Task WriteAsync<T>(HttpContext ctx, int status, T value, JsonTypeInfo<T> type)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, value, type, ctx.RequestAborted);
    }

    internal static Task WriteNodeAsync(HttpContext ctx, int status, JsonNode node) =>
        WriteBytesAsync(ctx, status, RecordRendering.Serialize(w => node.WriteTo(w)));

    private static async Task WriteBytesAsync(HttpContext ctx, int status, byte[] bytes)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    private static string InstanceUrl(HttpContext ctx, SimInstance instance) =>
        $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}/{instance.Name}";

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
