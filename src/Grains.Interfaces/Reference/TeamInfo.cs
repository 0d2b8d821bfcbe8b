namespace HaloMcp.Grains.Reference;

/// <summary>A team of agents.</summary>
/// <param name="Id">The team id.</param>
/// <param name="Name">The team name.</param>
/// <param name="Department">The department, if any.</param>
/// <param name="Inactive">Whether the team is disabled.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.TeamInfo")]
public sealed record TeamInfo(
    int Id,
    string Name,
    string? Department,
    bool Inactive);
