using HaloMcp.Grains.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>What the authorization server's grains stand on (client registrations, consents, grants, agent sign-ins).</summary>
public static class OAuthSiloBuilderExtensions
{
    /// <summary>
    /// Adds the agent-token encryption (section <c>AgentSessions</c>, validated at start) and, unless a provider of that
    /// name is registered already, in-memory grain storage named <see cref="OAuthStorage.Name"/>. A cluster maps the
    /// name to durable storage by registering its own provider under it (before this runs; a later registration
    /// under the same name also wins).
    /// </summary>
    public static ISiloBuilder AddHaloOAuthState(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddOptions<AgentSessionOptions>().BindConfiguration(AgentSessionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentSessionOptions>, AgentSessionOptionsValidator>());
        services.TryAddSingleton<AgentTokenProtector>();
        var registered = services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, OAuthStorage.Name));
        if (!registered)
        {
            silo.AddMemoryGrainStorage(OAuthStorage.Name);
        }

        return silo;
    }
}
