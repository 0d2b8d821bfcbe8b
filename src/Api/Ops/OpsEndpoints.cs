using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace HaloMcp.Api.Ops;

/// <summary>Where the operations pages live, and their mapping.</summary>
public static class OpsEndpoints
{
    /// <summary>HaloMcp's operations page.</summary>
    public const string PagePath = "/ops";

    /// <summary>The Orleans dashboard (its page, assets and JSON).</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Maps <c>/_ops/runtime</c> when <see cref="OpsOptions.Enabled"/>, and, once an operator or a scrape key is configured,
    /// the login page, <c>/ops</c>, the Orleans dashboard and <c>/metrics</c>, each behind its policy.
    /// </summary>
    public static IEndpointRouteBuilder MapHaloOps(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<OpsOptions>>().Value;
        if (options.Enabled)
        {
            endpoints.MapGet(RuntimeEndpoint.RuntimePath, services.GetRequiredService<RuntimeEndpoint>().HandleRuntimeAsync);
        }

        if (!options.PagesEnabled)
        {
            return endpoints;
        }

        var login = services.GetRequiredService<OpsLogin>();
        endpoints.MapGet(OpsLogin.LoginPath, login.ShowAsync).AllowAnonymous();
        endpoints.MapPost(OpsLogin.LoginPath, login.SubmitAsync).AllowAnonymous();
        endpoints.MapPost(OpsLogin.LogoutPath, login.LogoutAsync).RequireAuthorization(OpsAuthentication.OperatorPolicy);
        endpoints.MapGet(PagePath, ShowPageAsync).RequireAuthorization(OpsAuthentication.OperatorPolicy);
        endpoints.MapOrleansDashboard(DashboardPath).RequireAuthorization(OpsAuthentication.OperatorPolicy);
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(OpsAuthentication.ScrapePolicy);
        return endpoints;
    }

    private static async Task ShowPageAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var overview = await services.GetRequiredService<OpsOverviewReader>().ReadAsync(context.RequestAborted);
        var header = OpsPage.Header(context.User.Identity?.Name ?? "operator", services.GetRequiredService<OpsLogin>().TokenField(context));
        var refresh = services.GetRequiredService<IOptionsMonitor<OpsOptions>>().CurrentValue.RefreshSeconds;
        await OpsHtml.WriteAsync(context, StatusCodes.Status200OK, "HaloMcp operations", header, OpsPage.Body(overview), refresh);
    }
}
