using Orleans.Runtime;
using Orleans.Services;

namespace HaloMcp.Silo.Ops;

/// <summary>Reaches the <see cref="ISiloOpsService"/> of a given silo.</summary>
public interface ISiloOpsServiceClient : IGrainServiceClient<ISiloOpsService>
{
    /// <summary>The ops service of <paramref name="silo"/>.</summary>
    ISiloOpsService On(SiloAddress silo);
}
