namespace HaloMcp.Silo;

/// <summary>Counters for one grain method.</summary>
/// <param name="Method">The method name.</param>
/// <param name="Calls">Calls completed (successfully or not).</param>
/// <param name="Errors">Calls that failed (threw, timed out, were cancelled or rejected).</param>
/// <param name="TotalDuration">The summed duration of those calls, queueing included, measured with the silo's clock.</param>
public sealed record GrainMethodStatistics(string Method, long Calls, long Errors, TimeSpan TotalDuration);
