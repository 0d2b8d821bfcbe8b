using HaloMcp.Api.Auth;

namespace HaloMcp.Api.Hosting;

/// <summary><c>hash-key [KEY]</c>: prints a key (generated when none is given) and the hash to configure for it.</summary>
internal static class HashKeyCommand
{
    public static int Run(string? key, TextWriter output, TextWriter error)
    {
        var apiKey = string.IsNullOrWhiteSpace(key) ? ApiKeyHash.GenerateKey() : key.Trim();
        if (ApiKeyHash.Weakness(apiKey) is { } weakness)
        {
            error.WriteLine(weakness);
            return 2;
        }

        output.WriteLine($"API key: {apiKey}");
        output.WriteLine($"Hash:    {ApiKeyHash.Compute(apiKey)}");
        output.WriteLine("Put the hash in the tenant's ApiKeyHashes; give the key to the MCP client (Authorization: Bearer <key>).");
        return 0;
    }
}
