namespace HaloMcp.Silo;

/// <summary>The grain registrations collected while the service collection is built.</summary>
internal sealed class GrainRegistry
{
    public List<GrainRegistration> Registrations { get; } = [];
}
