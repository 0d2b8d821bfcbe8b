using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloMcp.HaloSim.Webhooks;
using HaloMcp.HaloSim.Wire;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>
/// The <c>/_sim</c> control surface: <c>GET /_sim/stats</c>, <c>POST /_sim/stats/reset</c>,
/// <c>GET /_sim/requests/{instance}</c>, <c>GET|POST /_sim/faults/{instance}</c>, <c>GET|POST /_sim/behaviours/{instance}</c>,
/// <c>GET|POST /_sim/webhooks/{instance}</c>, <c>GET|DELETE /_sim/webhooks/{instance}/deliveries</c>,
/// <c>GET /_sim/agents/{instance}</c> (agents' sign-in details) and the simulated UI
/// <c>/_sim/ui/{instance}/...</c>. It needs no token and is neither budgeted nor logged.
/// </summary>
internal static partial class SimControl
{
    public static async Task HandleAsync(HttpContext ctx, SimInstanceRegistry registry, string[] segments, ILogger logger)
    {
        var method = ctx.Request.Method;
        if (segments.Length == 1 && Is(segments[0], "stats") && HttpMethods.IsGet(method))
        {
            await SimRequestDispatcher.WriteNodeAsync(ctx, 200, Stats(registry));
        }
        else if (segments.Length == 2 && Is(segments[0], "stats") && Is(segments[1], "reset") && HttpMethods.IsPost(method))
        {
            foreach (var instance in registry.Instances)
            {
                instance.Requests.Reset();
            }

            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else if (segments.Length == 2 && Is(segments[0], "requests") && HttpMethods.IsGet(method) && registry.Find(segments[1]) is { } logged)
        {
            await SimRequestDispatcher.WriteNodeAsync(ctx, 200, RequestLog(logged));
        }
        else if (segments.Length == 2 && Is(segments[0], "faults") && registry.Find(segments[1]) is { } target)
        {
            if (HttpMethods.IsPost(method))
            {
                SimFaultsRequest? request;
                try
                {
                    request = await JsonSerializer.DeserializeAsync(ctx.Request.Body, SimJsonContext.Default.SimFaultsRequest, ctx.RequestAborted);
                }
                catch (JsonException)
                {
                    request = null;
                }

                if (request is null)
                {
                    await BadRequestAsync(ctx, "expected a JSON faults object");
                    return;
                }

                Apply(target, request);
                SimLog.FaultsChanged(logger, target.Name);
            }
            else if (!HttpMethods.IsGet(method))
            {
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            await SimRequestDispatcher.WriteNodeAsync(ctx, 200, new JsonObject
            {
                ["latency_ms"] = target.Faults.Latency.TotalMilliseconds,
                ["error_rate"] = target.Faults.ErrorRate,
                ["force_429"] = target.Faults.PendingForced429,
                ["apply_then_fail"] = target.Faults.PendingApplyThenFail,
            });
        }
        else if (segments.Length == 2 && Is(segments[0], "behaviours") && registry.Find(segments[1]) is { } switched)
        {
            await BehavioursAsync(ctx, switched);
        }
        else if (segments.Length is 2 or 3 && Is(segments[0], "webhooks") && registry.Find(segments[1]) is { } hooked
            && (segments.Length == 2 || Is(segments[2], "deliveries")))
        {
            await WebhookControl.SimAsync(ctx, hooked, deliveries: segments.Length == 3);
        }
        else if (segments.Length == 2 && Is(segments[0], "agents") && HttpMethods.IsGet(method) && registry.Find(segments[1]) is { } staffed)
        {
            // Simulator-only sign-in details of every agent, for browser tests of /auth/authorize.
            await SimRequestDispatcher.WriteNodeAsync(ctx, 200, new JsonObject
            {
                ["instance"] = staffed.Name,
                ["agents"] = new JsonArray([.. staffed.AgentLogins.Select(l => (JsonNode)new JsonObject
                {
                    ["agent_id"] = l.AgentId, ["name"] = l.Name, ["username"] = l.Username, ["password"] = l.Password, ["disabled"] = l.Disabled,
                })]),
            });
        }
        else if (segments.Length >= 3 && Is(segments[0], "ui") && registry.Find(segments[1]) is { } worked)
        {
            await UiControl.HandleAsync(ctx, worked, segments[2..]);
        }
        else
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary><c>GET</c> the instance's switches; <c>POST</c> a JSON object of the switches to change (all or nothing).</summary>
    private static async Task BehavioursAsync(HttpContext ctx, SimInstance instance)
    {
        if (HttpMethods.IsPost(ctx.Request.Method))
        {
            var problem = await ReadObjectAsync(ctx) is { } request
                ? SimBehaviourWire.TryApply(instance.Behaviours, request)
                : "expected a JSON object of switches";
            if (problem is not null)
            {
                await BadRequestAsync(ctx, problem);
                return;
            }
        }
        else if (!HttpMethods.IsGet(ctx.Request.Method))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        await SimRequestDispatcher.WriteNodeAsync(ctx, 200, SimBehaviourWire.ToJson(instance.Behaviours));
    }

    /// <summary>The request body as a JSON object, or null when it is not one.</summary>
    internal static async Task<JsonObject?> ReadObjectAsync(HttpContext ctx)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Task BadRequestAsync(HttpContext ctx, string problem) =>
        SimRequestDispatcher.WriteAsync(ctx, 400, new OAuthError("invalid_request", problem), SimJsonContext.Default.OAuthError);

    private static void Apply(SimInstance target, SimFaultsRequest request)
    {
        var faults = target.Faults;
        if (request.Reset == true)
        {
            faults.Reset();
        }

        if (request.LatencyMs is { } latency)
        {
            faults.Latency = TimeSpan.FromMilliseconds(Math.Max(0, latency));
        }

        if (request.ErrorSeed is { } seed)
        {
            faults.SeedErrors(seed);
        }

        if (request.ErrorRate is { } rate)
        {
            faults.ErrorRate = Math.Clamp(rate, 0, 1);
        }

        if (request.Force429 is { } forced)
        {
            faults.ForceRateLimit(forced);
        }

        if (request.ApplyThenFail is { } count)
        {
            var mode = Is(request.ApplyThenFailMode ?? "", "abort") ? SimPostFailureMode.Abort : SimPostFailureMode.ServerError;
            faults.ApplyThenFail(count, mode, request.ApplyThenFailPath);
        }

        if (request.RevokeTokens == true)
        {
            target.RevokeTokens();
        }
    }

    /// <summary>Per instance: totals, 429s, and per method + path (numeric ids collapsed to <c>{id}</c>) totals by status.</summary>
    private static JsonObject Stats(SimInstanceRegistry registry)
    {
        var instances = new JsonObject();
        foreach (var instance in registry.Instances)
        {
            var entries = instance.Requests.Entries;
            var endpoints = new JsonArray();
            foreach (var group in entries.GroupBy(e => (Method: e.Method.ToUpperInvariant(), Path: NormalisePath(e.Path))).OrderBy(g => g.Key.Path).ThenBy(g => g.Key.Method))
            {
                var byStatus = new JsonObject();
                foreach (var status in group.GroupBy(e => e.StatusCode).OrderBy(s => s.Key))
                {
                    byStatus[status.Key.ToString(CultureInfo.InvariantCulture)] = status.Count();
                }

                endpoints.Add(new JsonObject
                {
                    ["method"] = group.Key.Method,
                    ["path"] = group.Key.Path,
                    ["total"] = group.Count(),
                    ["by_status"] = byStatus,
                });
            }

            instances[instance.Name] = new JsonObject
            {
                ["total"] = entries.Count,
                ["rate_limited"] = entries.Count(e => e.StatusCode == 429),
                ["budget_counted"] = entries.Count(e => e.BudgetCounted),
                ["endpoints"] = endpoints,
            };
        }

        return new JsonObject { ["instances"] = instances };
    }

    /// <summary>
    /// Every logged request of one instance in completion order, with its times as Unix microseconds: enough for a
    /// client in another process (a benchmark) to check a rolling-window invariant, time the simulator's share of a
    /// call, or replay the exact requests.
    /// </summary>
    private static JsonObject RequestLog(SimInstance instance)
    {
        var requests = new JsonArray();
        foreach (var e in instance.Requests.Entries)
        {
            requests.Add(new JsonObject
            {
                ["method"] = e.Method,
                ["path"] = e.Path,
                ["query"] = e.Query,
                ["status"] = e.StatusCode,
                ["started_us"] = UnixMicroseconds(e.StartedAt),
                ["ended_us"] = UnixMicroseconds(e.EndedAt),
                ["budget_counted"] = e.BudgetCounted,
                ["client_id"] = e.ClientId,
                ["agent_id"] = e.AgentId,
            });
        }

        return new JsonObject { ["instance"] = instance.Name, ["requests"] = requests };
    }

    private static long UnixMicroseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    private static string NormalisePath(string path) => NumericSegment().Replace(path.ToLowerInvariant(), "/{id}");

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumericSegment();

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
