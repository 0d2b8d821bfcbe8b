using System.Globalization;
using System.Text;
using HaloMcp.Api.Auth;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Hosting;

/// <summary>
/// The demo: one tenant, <c>demo</c>, backed by the HaloPSA simulator (embedded, or already running at
/// <c>--halosim-url</c>), reached with one API key. Nothing else runs and nothing real is touched.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>The demo tenant's id.</summary>
    public const string TenantId = "demo";

    /// <summary>The simulator's default API application (demo-only values, documented in the README).</summary>
    public const string ClientId = "demo-client";

    /// <summary>The simulator's default secret (demo-only).</summary>
    public const string ClientSecret = "demo-secret";

    /// <summary>The simulator's application the demo's agents sign in through (HaloPSA sign-in on the consent page).</summary>
    public const string AgentSignInClientId = "demo-agents";

    private readonly HaloSimHost? _embedded;

    private DemoEnvironment(HaloSimHost? embedded, Uri haloUrl, string apiKey)
    {
        _embedded = embedded;
        HaloUrl = haloUrl;
        ApiKey = apiKey;
    }

    /// <summary>The simulated HaloPSA's web-app URL.</summary>
    public Uri HaloUrl { get; }

    /// <summary>The demo tenant's API key.</summary>
    public string ApiKey { get; }

    /// <summary>Whether the simulator runs inside this process.</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>Starts the embedded simulator unless <see cref="DemoOptions.HaloSimUrl"/> points at one.</summary>
    public static async Task<DemoEnvironment> StartAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? ApiKeyHash.GenerateKey() : options.ApiKey.Trim();
        if (ApiKeyHash.Weakness(apiKey) is { } weakness)
        {
            throw new OptionsValidationException(nameof(DemoOptions), typeof(DemoOptions), ["--demo-api-key: " + weakness]);
        }
        if (options.HaloSimUrl is { } url)
        {
            return new DemoEnvironment(null, url, apiKey);
        }

        // The simulator's defaults, plus the application its agents sign in through, as the standalone simulator has it.
        var simulator = await HaloSimHost.StartAsync(
            new HaloSimOptions
            {
                Instances =
                [
                    new SimInstanceOptions
                    {
                        Applications =
                        [
                            new HaloMcp.HaloSim.Auth.SimApplicationOptions
                            {
                                Name = "HaloMcp (demo agents)",
                                ClientId = AgentSignInClientId,
                                RedirectUris = ["http://127.0.0.1/oauth/halopsa/callback", "http://localhost/oauth/halopsa/callback"],
                            },
                        ],
                    },
                ],
            },
            cancellationToken: cancellationToken);
        return new DemoEnvironment(simulator, simulator.InstanceUrl("demo"), apiKey);
    }

    /// <summary>The configuration that declares the demo tenant (the key is stored only as its hash).</summary>
    public IReadOnlyDictionary<string, string?> Configuration() => new Dictionary<string, string?>
    {
        ["Tenants:0:Id"] = TenantId,
        ["Tenants:0:HaloUrl"] = HaloUrl.ToString().TrimEnd('/'),
        ["Tenants:0:ClientId"] = ClientId,
        ["Tenants:0:ClientSecret"] = ClientSecret,
        ["Tenants:0:ApiKeyHashes:0"] = ApiKeyHash.Compute(ApiKey),
        ["Tenants:0:AgentSignIn:ClientId"] = AgentSignInClientId,
    };

    /// <summary>What to paste into Claude Desktop and Claude Code, printed once the server listens.</summary>
    public string Instructions(Uri mcpUrl)
    {
        var url = mcpUrl.ToString();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("HaloMcp demo is running.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  MCP endpoint : {url}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  API key      : {ApiKey}   (demo tenant only)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  HaloPSA      : {HaloUrl} ({(IsEmbedded ? "embedded simulator" : "simulator")})");
        text.AppendLine();
        text.AppendLine("Claude Code:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  claude mcp add --transport http halopsa {url} --header \"Authorization: Bearer {ApiKey}\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"  or, signing in through HaloMcp's OAuth page: claude mcp add --transport http halopsa {url}   (then /mcp > Authenticate)");
        if (_embedded?.Instance("demo").AgentLogins.FirstOrDefault(l => !l.Disabled) is { } agent)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  on that page: the API key above, or organisation \"{TenantId}\" > Sign in with HaloPSA as {agent.Username} / {agent.Password} (simulated agent)");
        }

        text.AppendLine();
        text.AppendLine("claude.ai / Claude Desktop custom connectors reach servers from Anthropic's cloud: they need this server on a public");
        text.AppendLine("https URL (Mcp:PublicBaseUrl, AllowedHosts); see docs/mcp-host.md, \"Adding HaloMcp to Claude\".");
        text.AppendLine();
        text.AppendLine("Claude Desktop on this machine (claude_desktop_config.json), through the mcp-remote bridge:");
        text.AppendLine("  {");
        text.AppendLine("    \"mcpServers\": {");
        text.AppendLine("      \"halopsa\": {");
        text.AppendLine("        \"command\": \"npx\",");
        text.AppendLine(CultureInfo.InvariantCulture, $"        \"args\": [\"mcp-remote\", \"{url}\", \"--header\", \"Authorization: Bearer {ApiKey}\"]");
        text.AppendLine("      }");
        text.AppendLine("    }");
        text.AppendLine("  }");
        text.AppendLine();
        text.AppendLine("Press Ctrl+C to stop.");
        return text.ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
