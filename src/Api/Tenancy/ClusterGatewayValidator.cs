using HaloMcp.Api.Mcp;
using HaloMcp.Silo;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Tenancy;

/// <summary>A front end of a cluster serves gateway tenants only with the key that seals their settings for the silos.</summary>
/// <param name="cluster">The <c>Orleans</c> options.</param>
internal sealed class ClusterGatewayValidator(IOptions<HaloOrleansOptions> cluster) : IValidateOptions<McpHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, McpHttpOptions options) =>
        options.GatewayMode && string.IsNullOrWhiteSpace(cluster.Value.SealingKey)
            ? ValidateOptionsResult.Fail("Mcp:GatewayMode in a cluster needs Orleans:SealingKey (32 random bytes in base64, the same on every silo and front end): the gateway tenants' settings travel sealed with it.")
            : ValidateOptionsResult.Success;
}
