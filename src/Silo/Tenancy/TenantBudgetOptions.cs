namespace HaloMcp.Silo.Tenancy;

/// <summary>A tenant's HaloPSA request budget as configured: <see cref="Requests"/> per rolling <see cref="WindowSeconds"/>.</summary>
public sealed class TenantBudgetOptions
{
    /// <summary>Upstream requests allowed per window.</summary>
    public int Requests { get; set; }

    /// <summary>The rolling window, in seconds.</summary>
    public int WindowSeconds { get; set; }
}
