using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// The tenant the current MCP request acts for. Scoped: the HTTP endpoint resolves it from the caller's key (or
/// gateway headers) before any tool runs; in stdio mode it is the single configured tenant. Tools take it as a
/// DI parameter and pass <see cref="TenantId"/> to grains.
/// </summary>
public sealed class TenantContext
{
    private TenantSettings? _settings;

    /// <summary>Whether a tenant has been resolved for this scope.</summary>
    public bool IsResolved => _settings is not null;

    /// <summary>The resolved tenant's id.</summary>
    /// <exception cref="InvalidOperationException">No tenant was resolved in this scope.</exception>
    public string TenantId => Settings.TenantId;

    /// <summary>The resolved tenant's settings (the secret inside is never to be logged or returned).</summary>
    /// <exception cref="InvalidOperationException">No tenant was resolved in this scope.</exception>
    public TenantSettings Settings =>
        _settings ?? throw new InvalidOperationException("No tenant has been resolved for this request.");

    /// <summary>Sets the tenant once; a second, different tenant in the same scope is a bug and throws.</summary>
    internal void Resolve(TenantSettings settings)
    {
        if (_settings is not null && _settings.TenantId != settings.TenantId)
        {
            throw new InvalidOperationException("The tenant of a request cannot change once resolved.");
        }

        _settings = settings;
    }

    /// <inheritdoc />
    public override string ToString() => IsResolved ? $"Tenant {TenantId}" : "Tenant (unresolved)";
}
