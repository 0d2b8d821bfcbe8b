using HaloMcp.Api.Ops;
using HaloMcp.Grains.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The operations pages' services in the web host (<see cref="OpsEndpoints.MapHaloOps"/> maps them).</summary>
public static class OpsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OpsOptions"/> (validated at start) and, when an operator or a scrape key is configured, adds
    /// the login cookie and scrape-key schemes with their policies, anti-forgery for the forms, the page's reader and
    /// OpenTelemetry's Prometheus exporter over the meters the grains, Orleans and the HaloPSA HTTP client emit.
    /// </summary>
    public static IServiceCollection AddHaloOps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpsOptions>().BindConfiguration(OpsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpsOptions>, OpsOptionsValidator>());
        services.TryAddSingleton<RuntimeEndpoint>();

        var options = configuration.GetSection(OpsOptions.SectionName).Get<OpsOptions>() ?? new OpsOptions();
        if (!options.PagesEnabled)
        {
            return services;
        }

        services.TryAddSingleton<OpsLogin>();
        services.TryAddSingleton<OpsOverviewReader>();
        if (options.KeysDirectory is { Length: > 0 } keys)
        {
            services.AddDataProtection().SetApplicationName("HaloMcp").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = OpsAuthentication.CookieName + "_form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__form";
        });

        // Added beside the tenants' scheme, which stays the default (and the only one the MCP endpoint looks at).
        services.AddAuthentication()
            .AddCookie(OpsAuthentication.CookieScheme, o =>
            {
                o.Cookie.Name = OpsAuthentication.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.LoginPath = OpsLogin.LoginPath;
                o.LogoutPath = OpsLogin.LogoutPath;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = RedirectPagesOnly;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ScrapeKeyAuthenticationHandler>(OpsAuthentication.ScrapeKeyScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OpsAuthentication.OperatorPolicy, p => p
                .AddAuthenticationSchemes(OpsAuthentication.CookieScheme)
                .RequireClaim(OpsAuthentication.RoleClaim, OpsAuthentication.OperatorRole))
            .AddPolicy(OpsAuthentication.ScrapePolicy, p => p
                .AddAuthenticationSchemes(OpsAuthentication.CookieScheme, OpsAuthentication.ScrapeKeyScheme)
                .RequireClaim(OpsAuthentication.RoleClaim, OpsAuthentication.OperatorRole, OpsAuthentication.ScraperRole));

        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("halomcp")).WithMetrics(metrics => metrics
            .AddMeter(TenantMetrics.MeterName, "Microsoft.Orleans", "System.Net.Http")
            .AddPrometheusExporter());
        return services;
    }

    // A person opening a page is sent to the login page; the dashboard's own JSON calls and Prometheus get a plain 401.
    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context)
    {
        var path = context.Request.Path;
        var page = HttpMethods.IsGet(context.Request.Method)
            && (path.Equals(OpsEndpoints.PagePath, StringComparison.OrdinalIgnoreCase)
                || path.Equals(OpsEndpoints.DashboardPath, StringComparison.OrdinalIgnoreCase)
                || path.Equals(OpsEndpoints.DashboardPath + "/", StringComparison.OrdinalIgnoreCase)
                || path.Equals(OpsEndpoints.DashboardPath + "/index.html", StringComparison.OrdinalIgnoreCase));
        if (page)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }
}
