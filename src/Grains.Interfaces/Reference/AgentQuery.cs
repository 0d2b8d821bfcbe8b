namespace HaloMcp.Grains.Reference;

/// <summary>Which agents to list.</summary>
/// <param name="TeamId">Only members of this team.</param>
/// <param name="IncludeInactive">Include disabled agents.</param>
/// <param name="Search">Name or email contains.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.AgentQuery")]
public sealed record AgentQuery(
    int? TeamId,
    bool IncludeInactive,
    string? Search);
