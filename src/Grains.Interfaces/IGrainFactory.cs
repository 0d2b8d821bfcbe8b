namespace HaloMcp.Grains;

/// <summary>
/// Hands out references to grains by key (Orleans' <c>IGrainFactory</c>). Getting a reference is cheap and activates
/// nothing; the grain is activated on the first call made through it.
/// </summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain of contract <typeparamref name="TGrain"/> addressed by <paramref name="key"/>.</summary>
    /// <typeparam name="TGrain">The grain contract (an interface registered with the silo).</typeparam>
    /// <param name="key">The grain's key, e.g. a tenant id; must not be null.</param>
    TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey;
}
