namespace HaloMcp.Grains.Tenancy;

/// <summary>The kinds of reference data a tenant grain caches.</summary>
[GenerateSerializer, Alias("halo.Tenancy.ReferenceKind")]
public enum ReferenceKind
{
    /// <summary>Ticket statuses.</summary>
    Statuses,

    /// <summary>Ticket types.</summary>
    TicketTypes,

    /// <summary>Priorities.</summary>
    Priorities,

    /// <summary>Agent teams.</summary>
    Teams,

    /// <summary>Agents.</summary>
    Agents,

    /// <summary>Asset types.</summary>
    AssetTypes,

    /// <summary>Action outcomes.</summary>
    Outcomes,
}
