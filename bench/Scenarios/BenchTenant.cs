using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// A tenant of the server under test, backed by the simulator's <c>demo</c> instance; with <paramref name="Webhooks"/>,
/// configured with a webhook credential, so that its caches rely on deliveries (and live longer).
/// </summary>
internal sealed record BenchTenant(string Id, int BudgetRequests, int BudgetWindowSeconds, bool Webhooks = false)
{
    /// <summary>The tenant's key: padded past the server's 32-character minimum.</summary>
    public string ApiKey => $"hmk_bench-{Id}-0123456789abcdef0123456789abcdef";

    /// <summary>The Basic username of the tenant's webhook profile.</summary>
    public string WebhookUser => "halopsa-" + Id;

    /// <summary>The Basic password of the tenant's webhook profile (32 characters at least, as the server asks).</summary>
    public string WebhookPassword => $"webhook-{Id}-fedcba9876543210fedcba9876543210";

    public JsonObject ToJson(Uri simInstanceUrl)
    {
        var tenant = new JsonObject
        {
            ["Id"] = Id,
            ["HaloUrl"] = simInstanceUrl.ToString().TrimEnd('/'),
            ["ClientId"] = "demo-client",
            ["ClientSecret"] = "demo-secret",
            ["Budget"] = new JsonObject { ["Requests"] = BudgetRequests, ["WindowSeconds"] = BudgetWindowSeconds },
            ["ApiKeyHashes"] = new JsonArray(Hash(ApiKey)),
        };
        if (Webhooks)
        {
            tenant["Webhook"] = new JsonObject { ["Username"] = WebhookUser, ["PasswordHash"] = Hash(WebhookPassword) };
        }

        return tenant;
    }

    private static string Hash(string secret) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
