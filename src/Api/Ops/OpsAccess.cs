using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Ops;

/// <summary>
/// Keeps the operations pages to callers on this machine unless <see cref="OpsOptions.AllowRemote"/>: anyone else gets
/// 404, as if nothing were there. It runs before authentication, so a remote caller cannot even try a password.
/// </summary>
internal static class OpsAccess
{
    /// <summary>The paths the operations pages live under.</summary>
    public static readonly PathString[] Paths = [OpsEndpoints.PagePath, OpsEndpoints.DashboardPath, OpsEndpoints.MetricsPath];

    public static bool IsOpsPath(PathString path) => Paths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static bool MayEnter(HttpContext context, OpsOptions options) =>
        options.AllowRemote || (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote));

    public static IApplicationBuilder UseOpsAccess(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptionsMonitor<OpsOptions>>();
        return app.Use((context, next) =>
        {
            if (IsOpsPath(context.Request.Path) && !MayEnter(context, options.CurrentValue))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
