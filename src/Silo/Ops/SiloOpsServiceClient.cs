using Orleans.Runtime;
using Orleans.Runtime.Services;

namespace HaloMcp.Silo.Ops;

/// <summary>Orleans' way to address a grain service on a chosen silo.</summary>
internal sealed class SiloOpsServiceClient(IServiceProvider services) : GrainServiceClient<ISiloOpsService>(services), ISiloOpsServiceClient
{
    public ISiloOpsService On(SiloAddress silo) => GetGrainService(silo);
}
