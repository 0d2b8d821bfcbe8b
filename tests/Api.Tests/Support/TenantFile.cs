using System.Text.Json;
using System.Text.Json.Nodes;
using HaloMcp.Api.Auth;

namespace HaloMcp.Api.Tests.Support;

/// <summary>A tenants JSON file in a temporary directory, deleted on dispose.</summary>
public sealed class TenantFile : IDisposable
{
    public const string AcmeKey = "hmk_acme-test-key-0000000000000000000000000";
    public const string GlobexKey = "hmk_globex-test-key-111111111111111111111111";
    public const string AcmeSecret = "acme-halo-secret-7f3a9c";
    public const string GlobexSecret = "globex-halo-secret-e41b0d";

    private readonly string _directory;

    public TenantFile(JsonArray? tenants = null)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "halomcp-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        GlobexSecretVariable = "HALOMCP_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(GlobexSecretVariable, GlobexSecret);
        Path = System.IO.Path.Combine(_directory, "tenants.json");
        Write(tenants ?? DefaultTenants());
    }

    public string Path { get; }

    public string GlobexSecretVariable { get; }

    public JsonArray DefaultTenants() =>
    [
        Tenant("acme", "https://acme.halopsa.com", AcmeSecret, [AcmeKey]),
        new JsonObject
        {
            ["Id"] = "globex",
            ["HaloUrl"] = "https://globex.example.com",
            ["ClientId"] = "globex-client",
            ["ClientSecretEnv"] = GlobexSecretVariable,
            ["Budget"] = new JsonObject { ["Requests"] = 500, ["WindowSeconds"] = 180 },
            ["ApiKeyHashes"] = new JsonArray(ApiKeyHash.Compute(GlobexKey)),
        },
    ];

    public static JsonObject Tenant(string id, string url, string secret, string[] keys) => new()
    {
        ["Id"] = id,
        ["HaloUrl"] = url,
        ["HaloTenant"] = id,
        ["ClientId"] = id + "-client",
        ["ClientSecret"] = secret,
        ["ApiKeyHashes"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(ApiKeyHash.Compute(k)))]),
    };

    public void Write(JsonArray tenants)
    {
        var json = new JsonObject { ["Tenants"] = tenants.DeepClone() }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        // Write then move, so the watcher never sees a half-written file.
        var temp = Path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, Path, overwrite: true);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(GlobexSecretVariable, null);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
