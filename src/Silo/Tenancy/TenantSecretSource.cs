namespace HaloMcp.Silo.Tenancy;

/// <summary>Reads a tenant's HaloPSA secret from wherever its configuration says it is.</summary>
public static class TenantSecretSource
{
    /// <summary>
    /// Resolves the secret, or returns null with <paramref name="error"/> saying what is wrong (never the secret).
    /// </summary>
    public static string? TryResolve(TenantOptions tenant, out string? error)
    {
        var sources = (tenant.ClientSecret is { Length: > 0 } ? 1 : 0)
            + (tenant.ClientSecretFile is { Length: > 0 } ? 1 : 0)
            + (tenant.ClientSecretEnv is { Length: > 0 } ? 1 : 0);
        if (sources != 1)
        {
            error = sources == 0
                ? "no client secret: set exactly one of ClientSecret, ClientSecretFile or ClientSecretEnv"
                : "more than one of ClientSecret, ClientSecretFile and ClientSecretEnv is set; keep exactly one";
            return null;
        }

        if (tenant.ClientSecret is { Length: > 0 } inline)
        {
            error = null;
            return inline;
        }

        if (tenant.ClientSecretEnv is { Length: > 0 } variable)
        {
            var value = Environment.GetEnvironmentVariable(variable)?.Trim();
            error = string.IsNullOrEmpty(value) ? $"ClientSecretEnv names environment variable '{variable}', which is not set or empty" : null;
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var path = tenant.ClientSecretFile!;
        try
        {
            var value = File.ReadAllText(path).Trim();
            error = value.Length == 0 ? $"ClientSecretFile '{path}' is empty" : null;
            return value.Length == 0 ? null : value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"ClientSecretFile '{path}' cannot be read ({ex.GetType().Name})";
            return null;
        }
    }
}
