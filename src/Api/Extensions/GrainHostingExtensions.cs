using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one place the Api hosts its grains, for both the HTTP and the stdio host.</summary>
public static class GrainHostingExtensions
{
    /// <summary>Co-hosts the silo and the HaloPSA grains in this process.</summary>
    public static IHostApplicationBuilder AddHaloGrainHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSilo().AddHaloGrains(builder.Configuration);
        return builder;
    }
}
