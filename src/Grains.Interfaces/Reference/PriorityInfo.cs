namespace HaloMcp.Grains.Reference;

/// <summary>A priority as tickets use it (HaloPSA keeps one row per SLA).</summary>
/// <param name="PriorityId">The id tickets carry as <c>priority_id</c>.</param>
/// <param name="Name">The name.</param>
/// <param name="SlaId">The SLA this row belongs to.</param>
/// <param name="ResponseHours">Target response time in hours.</param>
/// <param name="FixHours">Target fix time in hours.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.PriorityInfo")]
public sealed record PriorityInfo(
    int PriorityId,
    string Name,
    int SlaId,
    double? ResponseHours,
    double? FixHours);
