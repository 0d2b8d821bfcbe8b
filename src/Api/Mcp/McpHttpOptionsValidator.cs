using HaloMcp.Api.Auth;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Mcp;

/// <summary>Checks <see cref="McpHttpOptions"/> at startup with messages that say how to fix them.</summary>
internal sealed class McpHttpOptionsValidator : IValidateOptions<McpHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, McpHttpOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/' || options.Path.Length > 1 && options.Path.EndsWith('/'))
        {
            errors.Add("Mcp:Path must start with '/' and not end with one (e.g. '/mcp')");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            errors.Add("Mcp:MaxRequestBodyBytes must be positive");
        }

        if (options.GatewayMode && !options.GatewayKeyHashes.Any(ApiKeyHash.IsWellFormed))
        {
            errors.Add("Mcp:GatewayMode needs at least one Mcp:GatewayKeyHashes entry ('sha256:' + 64 hex digits; run 'hash-key')");
        }

        if (options.GatewayKeyHashes.Any(h => !ApiKeyHash.IsWellFormed(h)))
        {
            errors.Add("Mcp:GatewayKeyHashes entries must look like 'sha256:' followed by 64 hex digits");
        }

        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            errors.Add("Mcp:PublicBaseUrl must be an absolute URL");
        }

        if (options.AuthFailureLimit <= 0 || options.AuthFailureWindowSeconds <= 0)
        {
            errors.Add("Mcp:AuthFailureLimit and Mcp:AuthFailureWindowSeconds must both be positive");
        }

        if (options.MaxGatewayTenants <= 0)
        {
            errors.Add("Mcp:MaxGatewayTenants must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
