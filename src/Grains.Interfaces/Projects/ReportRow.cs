namespace HaloMcp.Grains.Projects;

/// <summary>A saved report.</summary>
/// <param name="Id">The report id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Group">Its group.</param>
/// <param name="Description">What it shows.</param>
[GenerateSerializer, Immutable, Alias("halo.Projects.ReportRow")]
public sealed record ReportRow(
    int Id,
    string Name,
    string? Group,
    string? Description);
