namespace HaloMcp.Silo;

/// <summary>An in-process view of what the silo is doing, for the ops dashboard and tests.</summary>
public interface IGrainRuntimeStatistics
{
    /// <summary>Takes a consistent-enough snapshot of activation and call counters (each counter is read atomically).</summary>
    SiloStatistics GetStatistics();
}
