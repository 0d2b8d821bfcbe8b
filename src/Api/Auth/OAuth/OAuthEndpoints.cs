using HaloMcp.Api.Auth.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>HaloMcp as the OAuth 2.1 authorization server of its MCP endpoint: services and routes.</summary>
public static class OAuthEndpoints
{
    /// <summary>Adds the authorization server's services and options (section <c>OAuth</c>, validated at start).</summary>
    public static IServiceCollection AddHaloOAuth(this IServiceCollection services)
    {
        services.AddOptions<OAuthOptions>().BindConfiguration(OAuthOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OAuthOptions>, OAuthOptionsValidator>());
        services.AddHttpClient(ClientMetadataDocuments.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = ClientMetadataDocuments.Connector(sp.GetRequiredService<IOptionsMonitor<OAuthOptions>>()),
            });
        services.TryAddSingleton<OAuthUrls>();
        services.TryAddSingleton<ClientMetadataDocuments>();
        services.TryAddSingleton<OAuthClients>();
        services.TryAddSingleton<ClientAuthentication>();
        services.TryAddSingleton<RegistrationThrottle>();
        services.TryAddSingleton<GrantIssuer>();
        services.TryAddSingleton<AccessTokenValidator>();
        services.TryAddSingleton<MetadataEndpoint>();
        services.TryAddSingleton<RegistrationEndpoint>();
        services.TryAddSingleton<AuthorizeEndpoint>();
        services.TryAddSingleton<ConsentEndpoint>();
        services.TryAddSingleton<HaloSignInCallbackEndpoint>();
        services.TryAddSingleton<TokenEndpoint>();
        services.TryAddSingleton<RevocationEndpoint>();
        return services;
    }

    /// <summary>Maps the metadata, registration, consent, HaloPSA callback, token and revocation endpoints (when enabled).</summary>
    public static IEndpointRouteBuilder MapHaloOAuth(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        if (!services.GetRequiredService<IOptions<OAuthOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapGet(OAuthUrls.MetadataPath, services.GetRequiredService<MetadataEndpoint>().HandleAsync);
        app.MapPost(OAuthUrls.RegisterPath, services.GetRequiredService<RegistrationEndpoint>().HandleAsync).DisableAntiforgery();
        app.MapGet(OAuthUrls.AuthorizePath, services.GetRequiredService<AuthorizeEndpoint>().HandleAsync);
        app.MapPost(OAuthUrls.AuthorizePath, services.GetRequiredService<ConsentEndpoint>().HandleAsync).DisableAntiforgery();
        app.MapGet(OAuthUrls.HaloCallbackPath, services.GetRequiredService<HaloSignInCallbackEndpoint>().HandleAsync);
        app.MapPost(OAuthUrls.TokenPath, services.GetRequiredService<TokenEndpoint>().HandleAsync).DisableAntiforgery();
        app.MapPost(OAuthUrls.RevokePath, services.GetRequiredService<RevocationEndpoint>().HandleAsync).DisableAntiforgery();
        return app;
    }
}
