using System.Text.Json.Nodes;
using HaloMcp.HaloSim.Auth;
using HaloMcp.HaloSim.Webhooks;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>One simulated HaloPSA instance (tenant): its credentials, data, request log, faults and tokens.</summary>
public sealed class SimInstance : IAsyncDisposable
{
    private readonly TimeProvider _time;

    internal SimInstance(SimInstanceOptions options, TimeProvider time, IHttpClientFactory http, ILoggerFactory loggers)
    {
        _time = time;
        Options = options;
        Name = options.Name;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        Data = new SimDataset(options.Seed, options.Sizes, (options.DataAnchor ?? time.GetUtcNow()).UtcDateTime);
        Tokens = new TokenIssuer(time, TimeSpan.FromSeconds(options.TokenLifetimeSeconds));
        Authorization = new AuthorizationServer(time, Tokens,
            TimeSpan.FromSeconds(options.AuthorizationCodeLifetimeSeconds), TimeSpan.FromSeconds(options.RefreshTokenLifetimeSeconds));
        Applications = Registered(options);
        Budget = new RequestBudget(options.Budget, time);
        Behaviours = options.Behaviours.Copy();
        Webhooks = new SimWebhooks(options.Name, options.Webhooks, time, http, loggers.CreateLogger<SimWebhooks>());
    }

    /// <summary>Instance name: URL path prefix and <c>tenant</c> value.</summary>
    public string Name { get; }

    /// <summary>The API application's client id.</summary>
    public string ClientId { get; }

    /// <summary>The API application's client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The instance's records (tests read the truth from here).</summary>
    public SimDataset Data { get; }

    /// <summary>Every request the instance served.</summary>
    public SimRequestLog Requests { get; } = new();

    /// <summary>Faults injected into the instance's <c>/api</c>.</summary>
    public SimFaults Faults { get; } = new();

    /// <summary>The instance's readings of contested behaviours; a copy of its options, changeable while it runs.</summary>
    public SimBehaviourOptions Behaviours { get; }

    internal SimInstanceOptions Options { get; }

    internal TokenIssuer Tokens { get; }

    internal AuthorizationServer Authorization { get; }

    /// <summary>The API applications: the instance's own client-credentials one first, then the configured ones.</summary>
    internal IReadOnlyList<SimApplication> Applications { get; }

    /// <summary>
    /// How each agent signs in at <c>/auth/authorize</c> (simulator-only, deterministic): the agent's email and
    /// <c>{instance}-agent-{id}</c>.
    /// </summary>
    public IReadOnlyList<SimAgentLogin> AgentLogins => Data.All(SimEntityKind.Agent)
        .Select(a => new SimAgentLogin(JsonFields.Int(a, "id"), JsonFields.String(a, "name") ?? "", JsonFields.String(a, "email") ?? "",
            $"{Name}-agent-{JsonFields.Int(a, "id")}", JsonFields.Bool(a, "isdisabled")))
        .ToList();

    internal SimApplication? FindApplication(string clientId) =>
        Applications.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.Ordinal));

    internal RequestBudget Budget { get; }

    /// <summary>The instance's webhook profiles and the deliveries they made.</summary>
    public SimWebhooks Webhooks { get; }

    /// <summary>Makes every token issued so far for this instance invalid (401 on use), refresh tokens and codes too.</summary>
    public void RevokeTokens()
    {
        Tokens.RevokeAll();
        Authorization.RevokeAll();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Webhooks.DisposeAsync();

    /// <summary>
    /// Applies a POST upsert as <paramref name="actor"/> and renders the answer, under the dataset's lock; committed
    /// changes go to the webhooks in commit order. The API and the simulated UI both write through here, so a change
    /// made "in HaloPSA's UI" is exactly the change the API would make.
    /// </summary>
    internal (WriteOutcome Outcome, byte[] Body) Upsert(EntityRoute route, JsonArray items, SimActor actor)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return Data.Locked(t =>
        {
            var written = new RecordWriter(t, now, actor, Webhooks.IsListening).Upsert(route, items);
            if (written.Failed)
            {
                return (written, Array.Empty<byte>());
            }

            Webhooks.Publish(written.Changes);
            return (written, RecordRendering.Records(route, written.Saved, withLines: true, Behaviours.SingleRecordPost));
        });
    }

    /// <summary>Deletes a record as <paramref name="actor"/>; like <see cref="Upsert"/>, the change goes to the webhooks.</summary>
    internal WriteOutcome Delete(EntityRoute route, int id, int? ticketId, SimActor actor)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return Data.Locked(t =>
        {
            var deleted = new RecordWriter(t, now, actor, Webhooks.IsListening).Delete(route, id, ticketId);
            if (!deleted.Failed)
            {
                Webhooks.Publish(deleted.Changes);
            }

            return deleted;
        });
    }

    private static List<SimApplication> Registered(SimInstanceOptions options)
    {
        var apps = new List<SimApplication>
        {
            new("API application", options.ClientId, options.ClientSecret, SimAuthenticationMethod.ClientCredentials, [], [.. options.AllowedScopes]),
        };
        foreach (var app in options.Applications)
        {
            var problem = string.IsNullOrWhiteSpace(app.ClientId) ? "has no client id"
                : apps.Exists(a => a.ClientId == app.ClientId) ? "reuses a client id"
                : app.AuthenticationMethod == SimAuthenticationMethod.ClientCredentials && string.IsNullOrEmpty(app.ClientSecret) ? "uses client credentials without a secret"
                : app.AuthenticationMethod == SimAuthenticationMethod.AuthorizationCode && app.RedirectUris.Count == 0 ? "uses the authorization code grant without a redirect URI"
                : app.RedirectUris.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0) is { } bad ? $"has an invalid redirect URI '{bad}'"
                : null;
            if (problem is not null)
            {
                throw new InvalidOperationException($"HaloSim instance '{options.Name}': the application '{app.Name}' ({app.ClientId}) {problem}.");
            }

            apps.Add(new SimApplication(app.Name, app.ClientId, app.ClientSecret, app.AuthenticationMethod, [.. app.RedirectUris], [.. app.AllowedScopes]));
        }

        return apps;
    }
}
