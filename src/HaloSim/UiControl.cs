using System.Text.Json.Nodes;
using HaloMcp.HaloSim.Wire;

namespace HaloMcp.HaloSim;

/// <summary>
/// <c>/_sim/ui/{instance}/...</c>: a technician working in HaloPSA's UI, for tests of what a client sees when data
/// changes out of band. Every change goes through the same writer as the API (same validation, same side effects on
/// the ticket, same webhooks) but needs no token, spends no budget and is not in the API request log. The technician
/// is <c>?agent_id=</c> (default 1, the instance's first agent): their name goes on the actions they add.
/// <list type="bullet">
/// <item><c>POST /_sim/ui/{instance}/{collection}</c> with a JSON array, exactly as <c>POST /api/{collection}</c>.</item>
/// <item><c>DELETE /_sim/ui/{instance}/{collection}/{id}[?ticket_id=]</c>, as the API's DELETE.</item>
/// <item><c>POST /_sim/ui/{instance}/tickets/{id}</c> with a JSON object of fields: edit the ticket.</item>
/// <item><c>POST /_sim/ui/{instance}/tickets/{id}/actions</c> with a JSON object: add an action (note, time, <c>new_status</c>).</item>
/// <item><c>POST /_sim/ui/{instance}/tickets/{id}/close</c> (optional <c>{"note": "..."}</c>): close it with a status-change
/// action setting status 9 (Closed), as closing from the UI records one.</item>
/// </list>
/// Answers are the API's: the saved record (201 for actions), or HaloPSA's error body.
/// </summary>
internal static class UiControl
{
    public static async Task HandleAsync(HttpContext ctx, SimInstance instance, string[] path)
    {
        var method = ctx.Request.Method;
        var agentId = RecordQuery.IntParam(ctx.Request.Query, "agent_id") ?? 1;
        var agent = instance.Data.Get(SimEntityKind.Agent, agentId);
        if (agent is null || JsonFields.Bool(agent, "isdisabled"))
        {
            await SimControl.BadRequestAsync(ctx, $"agent {agentId} does not exist or is disabled");
            return;
        }

        var actor = new SimActor(agentId, Signed: true);
        var route = path.Length > 0 ? EntityRoutes.Find(path[0]) : null;
        if (route is null)
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HttpMethods.IsDelete(method) && path.Length == 2)
        {
            if (!int.TryParse(path[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var deleted = instance.Delete(route, id, RecordQuery.IntParam(ctx.Request.Query, "ticket_id"), actor);
            if (deleted.Failed)
            {
                await FailedAsync(ctx, deleted);
                return;
            }

            ctx.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!HttpMethods.IsPost(method))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        JsonNode? body = null;
        if (ctx.Request.ContentLength is not 0)
        {
            try
            {
                body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                await SimControl.BadRequestAsync(ctx, "the body is not JSON");
                return;
            }
        }

        var (target, items) = Plan(route, path, body);
        if (items is null)
        {
            await SimControl.BadRequestAsync(ctx, target is null ? "no such UI operation" : $"expected {target}");
            return;
        }

        var (written, bytes) = instance.Upsert(EntityRoutes.Find(target!)!, items, actor);
        if (written.Failed)
        {
            await FailedAsync(ctx, written);
            return;
        }

        ctx.Response.StatusCode = target == "Actions" ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    /// <summary>
    /// The collection a UI operation writes to and the upsert array it amounts to; a null array means the body does not fit
    /// (the first value then says what was expected, or is null when the operation does not exist).
    /// </summary>
    private static (string? Target, JsonArray? Items) Plan(EntityRoute route, string[] path, JsonNode? body)
    {
        if (path.Length == 1)
        {
            return body is JsonArray { Count: > 0 } array ? (route.Segment, (JsonArray)array.DeepClone()) : ("a non-empty JSON array", null);
        }

        if (route.Kind is not (SimEntityKind.Ticket or SimEntityKind.Project)
            || !int.TryParse(path[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ticketId))
        {
            return (null, null);
        }

        var fields = body switch
        {
            null => [],
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => null,
        };
        if (fields is null)
        {
            return ("a JSON object of fields", null);
        }

        switch (path.Length == 3 ? path[2].ToLowerInvariant() : "")
        {
            case "" when path.Length == 2:
                fields["id"] = ticketId;
                return (route.Segment, [fields]);
            case "actions":
                fields["ticket_id"] = ticketId;
                return ("Actions", [fields]);
            case "close":
                fields["ticket_id"] = ticketId;
                fields["outcome"] ??= "Status Change";
                fields["note"] ??= "Ticket closed";
                fields["new_status"] = 9;
                return ("Actions", [fields]);
            default:
                return (null, null);
        }
    }

    private static Task FailedAsync(HttpContext ctx, WriteOutcome failed) =>
        SimRequestDispatcher.WriteAsync(ctx, failed.FailureStatus, new HaloError("System.Exception", failed.FailureMessage!), SimJsonContext.Default.HaloError);
}
