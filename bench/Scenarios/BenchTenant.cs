using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>A tenant of the server under test, backed by the simulator's <c>demo</c> instance.</summary>
internal sealed record BenchTenant(string Id, int BudgetRequests, int BudgetWindowSeconds)
{
    /// <summary>The tenant's key: padded past the server's 32-character minimum.</summary>
    public string ApiKey => $"hmk_bench-{Id}-0123456789abcdef0123456789abcdef";

    public JsonObject ToJson(Uri simInstanceUrl) => new()
    {
        ["Id"] = Id,
        ["HaloUrl"] = simInstanceUrl.ToString().TrimEnd('/'),
        ["ClientId"] = "demo-client",
        ["ClientSecret"] = "demo-secret",
        ["Budget"] = new JsonObject { ["Requests"] = BudgetRequests, ["WindowSeconds"] = BudgetWindowSeconds },
        ["ApiKeyHashes"] = new JsonArray("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)))),
    };
}
