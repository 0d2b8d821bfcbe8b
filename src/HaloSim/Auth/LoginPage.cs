using System.Net;

namespace HaloMcp.HaloSim.Auth;

/// <summary>
/// The sign-in page of <c>/auth/authorize</c>: plain server-rendered HTML with stable ids for browser tests
/// (<c>login-form</c>, <c>username</c>, <c>password</c>, <c>login-submit</c>, <c>login-error</c>; on a refused
/// request <c>authorize-error</c>). Every reflected value is HTML-encoded.
/// </summary>
internal static class LoginPage
{
    public static async Task WriteAsync(HttpContext ctx, SimInstance instance, SimApplication app, string? error, string? username)
    {
        var action = ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString;
        var errorBlock = error is null ? "" : $"""
                <p id="login-error" role="alert">{Encode(error)}</p>

            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in to {Encode(instance.Name)} - HaloSim</title></head>
            <body>
            <main>
                <h1 id="login-title">Sign in to {Encode(instance.Name)}</h1>
                <p id="login-app">{Encode(app.Name)} will act as you in HaloPSA.</p>
            {errorBlock}    <form id="login-form" method="post" action="{Encode(action)}">
                    <label for="username">Username</label>
                    <input id="username" name="username" type="text" autocomplete="username" required value="{Encode(username ?? "")}">
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <button id="login-submit" type="submit">Sign in</button>
                </form>
            </main>
            </body>
            </html>
            """;
        await WriteHtmlAsync(ctx, 200, html);
    }

    /// <summary>A request the page cannot even redirect back with: unknown application or unregistered redirect URI.</summary>
    public static Task WriteRefusalAsync(HttpContext ctx, string error, string description) => WriteHtmlAsync(ctx, 400, $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Sign-in refused - HaloSim</title></head>
        <body>
        <main>
            <h1>Sign-in refused</h1>
            <p id="authorize-error" data-error="{Encode(error)}">{Encode(description)}</p>
        </main>
        </body>
        </html>
        """);

    private static async Task WriteHtmlAsync(HttpContext ctx, int status, string html)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.Headers["X-Frame-Options"] = "DENY";
        ctx.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        await ctx.Response.WriteAsync(html, ctx.RequestAborted);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
