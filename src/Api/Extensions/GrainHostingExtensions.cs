using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one place the Api hosts its grains, for both the HTTP and the stdio host.</summary>
public static class GrainHostingExtensions
{
    /// <summary>Co-hosts the silo and the HaloPSA grains in this process; <paramref name="configureSilo"/> adds to the silo.</summary>
    public static IHostApplicationBuilder AddHaloGrainHost(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        // Activity propagation carries a tool call's trace into the grains, so the upstream requests they make are counted
        // against that call (UpstreamRequestCounter).
        builder.UseOrleans(silo =>
        {
            silo.UseHaloClustering().AddHaloGrains().AddActivityPropagation();
            configureSilo?.Invoke(silo);
        });
        return builder;
    }
}
