namespace HaloMcp.Silo;

/// <summary>Identifies one grain: its grain type (the implementation class name) and its key (Orleans' <c>GrainId</c>).</summary>
/// <param name="Type">The grain type, e.g. <c>TicketGrain</c>.</param>
/// <param name="Key">The grain's string key, e.g. a tenant id.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
