namespace HaloMcp.Grains.Search;

/// <summary>The kinds of entity <c>halopsa_search</c> covers.</summary>
[GenerateSerializer, Alias("halo.Search.SearchEntity")]
public enum SearchEntity
{
    /// <summary>Tickets, by summary and details.</summary>
    Tickets,

    /// <summary>Clients, by name.</summary>
    Clients,

    /// <summary>Assets, by inventory number and key fields.</summary>
    Assets,

    /// <summary>Agents, by name and email.</summary>
    Agents,

    /// <summary>Sites, by name.</summary>
    Sites,

    /// <summary>End users, by name, email and phone.</summary>
    Users,
}
