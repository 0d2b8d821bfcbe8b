namespace HaloMcp.Grains.Reference;

/// <summary>A ticket type (HaloPSA request type).</summary>
/// <param name="Id">The ticket type id.</param>
/// <param name="Name">The name.</param>
/// <param name="Group">The group it belongs to.</param>
/// <param name="DefaultPriorityId">The priority new tickets of this type get.</param>
/// <param name="AgentsCanSelect">Whether agents can choose it.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.TicketTypeInfo")]
public sealed record TicketTypeInfo(
    int Id,
    string Name,
    string? Group,
    int? DefaultPriorityId,
    bool AgentsCanSelect);
