namespace HaloMcp.Silo;

/// <summary>
/// <c>Orleans:Clustering</c>, the section Orleans itself reads to pick its clustering provider; HaloMcp reads it to
/// choose its mode and to put its grain state in the same Redis.
/// </summary>
public sealed class HaloClusteringOptions
{
    /// <summary>The one provider type HaloMcp's cluster mode supports.</summary>
    public const string Redis = "Redis";

    /// <summary><c>Redis</c>, or absent for the embedded single-machine cluster.</summary>
    public string? ProviderType { get; set; }

    /// <summary>The Redis connection string (StackExchange.Redis syntax, e.g. <c>redis:6379</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Instead of <see cref="ConnectionString"/>: the name of an entry of <c>ConnectionStrings</c>.</summary>
    public string? ConnectionName { get; set; }
}
