using System.Globalization;
using System.Security.Claims;
using HaloMcp.Api.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Ops;

/// <summary>
/// The login page (<c>GET/POST /ops/login</c>) and logout (<c>POST /ops/logout</c>). The form carries an anti-forgery
/// token; failed logins count against the caller's address (<see cref="AuthFailureThrottle"/>), and a throttled
/// address is refused before any password is looked at.
/// </summary>
internal sealed partial class OpsLogin(
    IAntiforgery antiforgery,
    AuthFailureThrottle throttle,
    IOptionsMonitor<OpsOptions> options,
    ILogger<OpsLogin> logger)
{
    public const string LoginPath = "/ops/login";
    public const string LogoutPath = "/ops/logout";

    public Task ShowAsync(HttpContext context) =>
        RenderAsync(context, StatusCodes.Status200OK, ReturnUrl(context.Request.Query["ReturnUrl"]), error: null);

    public async Task SubmitAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await RenderAsync(context, StatusCodes.Status400BadRequest, OpsEndpoints.PagePath, "Send the login form.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = ReturnUrl(form["returnUrl"]);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await RenderAsync(context, StatusCodes.Status400BadRequest, returnUrl, "The form expired or did not come from this page; log in again.");
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await RenderAsync(context, StatusCodes.Status429TooManyRequests, returnUrl, $"Too many failed attempts from this address; try again in {seconds} s.");
            return;
        }

        var name = form["name"].ToString().Trim();
        var found = OperatorPassword.Verify(options.CurrentValue.Operators, name, form["password"].ToString());
        if (found is null)
        {
            throttle.RecordFailure(address);
            LogFailed(logger, address);
            await RenderAsync(context, StatusCodes.Status401Unauthorized, returnUrl, "Wrong name or password.");
            return;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, found.Name), new Claim(OpsAuthentication.RoleClaim, OpsAuthentication.OperatorRole)],
            OpsAuthentication.CookieScheme, ClaimTypes.Name, OpsAuthentication.RoleClaim);
        await context.SignInAsync(OpsAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        LogLoggedIn(logger, found.Name, address);
        context.Response.Redirect(returnUrl);
    }

    public async Task LogoutAsync(HttpContext context)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await context.SignOutAsync(OpsAuthentication.CookieScheme);
        context.Response.Redirect(LoginPath);
    }

    /// <summary>A hidden form field with this request's anti-forgery token, for forms that post to the ops pages.</summary>
    public string TokenField(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{OpsHtml.Encode(tokens.FormFieldName)}\" value=\"{OpsHtml.Encode(tokens.RequestToken)}\">";
    }

    // Only a path on this server: an open redirect would turn the login page into a phishing tool.
    private static string ReturnUrl(string? candidate) =>
        candidate is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : OpsEndpoints.PagePath;

    private Task RenderAsync(HttpContext context, int status, string returnUrl, string? error)
    {
        var body =
            "<form class=\"login\" method=\"post\" action=\"" + LoginPath + "\">" +
            "<h2>HaloMcp operations</h2><p class=\"muted\">Log in as an operator to see the operations page and the Orleans dashboard.</p>" +
            (error is null ? "" : $"<p class=\"error\" role=\"alert\">{OpsHtml.Encode(error)}</p>") +
            TokenField(context) +
            $"<input type=\"hidden\" name=\"returnUrl\" value=\"{OpsHtml.Encode(returnUrl)}\">" +
            "<label for=\"name\">Name</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus>" +
            "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>" +
            "<button type=\"submit\">Log in</button></form>";
        return OpsHtml.WriteAsync(context, status, "HaloMcp operations: log in", "", body);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Failed operator login from {Address}")]
    private static partial void LogFailed(ILogger logger, string address);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Operator {Operator} logged in from {Address}")]
    private static partial void LogLoggedIn(ILogger logger, string @operator, string address);
}
