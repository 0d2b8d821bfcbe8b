using HaloMcp.Grains.Billing;

namespace HaloMcp.Grains;

/// <summary>
/// Receives progress from a long grain operation (Orleans' grain-observer idea). Calls are one-way: an observer
/// must return at once and must not throw.
/// </summary>
public interface IProgressObserver
{
    /// <summary>The operation has got this far.</summary>
    void OnProgress(RevenueProgress progress);
}
