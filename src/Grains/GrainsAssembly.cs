namespace HaloMcp.Grains;

/// <summary>Anchor type for the grains assembly (used for assembly scanning).</summary>
public static class GrainsAssembly;
