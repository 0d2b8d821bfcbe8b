namespace HaloMcp.HaloSim;

/// <summary>What a <see cref="SimChange"/> did to its record.</summary>
internal enum SimChangeType
{
    Created,
    Updated,
    Deleted,
}
