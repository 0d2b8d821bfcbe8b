using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// The consent page and the authorization server's error pages: plain HTML, no script, every value encoded, never
/// framed (<c>frame-ancestors 'none'</c>), never cached, and no referrer sent to other sites.
/// </summary>
internal static class ConsentPage
{
    /// <summary>What the consent page shows.</summary>
    /// <param name="ConsentId">The consent the form answers.</param>
    /// <param name="FormToken">The anti-forgery token of the form.</param>
    /// <param name="ClientName">The client's own name for itself (unverified).</param>
    /// <param name="ClientId">The client id.</param>
    /// <param name="RedirectHost">Where the answer will be sent.</param>
    /// <param name="WantsWrite">Whether the client asked to be able to change things.</param>
    /// <param name="AgentSignIn">Whether any tenant offers HaloPSA sign-in.</param>
    /// <param name="Error">A failed sign-in's message.</param>
    public sealed record View(
        string ConsentId, string FormToken, string? ClientName, string ClientId, string RedirectHost, bool WantsWrite, bool AgentSignIn, string? Error = null);

    public static Task WriteAsync(HttpContext context, View view, int status = StatusCodes.Status200OK)
    {
        var h = HtmlEncoder.Default;
        var name = view.ClientName is { } n ? h.Encode(n) : "An MCP client";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Connect {name} to HaloPSA</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"client\"><strong>{name}</strong> <span class=\"muted\">(the name the client gave; not verified; client id {h.Encode(view.ClientId)})</span> asks to use HaloMcp's HaloPSA tools on your behalf.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>After you sign in you will be sent back to <strong id=\"redirect-host\">{h.Encode(view.RedirectHost)}</strong>. Continue only if you started this from that application.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"access\">Access asked for: {(view.WantsWrite ? "read and change tickets, clients and other records" : "read only")}.</p>");
        if (view.Error is { } error)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"consent-error\" class=\"error\" role=\"alert\">{h.Encode(error)}</p>");
        }

        var hidden = $"<input type=\"hidden\" name=\"consent\" value=\"{h.Encode(view.ConsentId)}\"><input type=\"hidden\" name=\"form_token\" value=\"{h.Encode(view.FormToken)}\">";
        var readOnly = view.WantsWrite
            ? "<p><label><input type=\"checkbox\" name=\"read_only\" value=\"true\" id=\"read-only\"> Read only: the assistant may not change anything</label></p>"
            : string.Empty;
        body.Append("<form method=\"post\" action=\"").Append(OAuthUrls.AuthorizePath).Append("\" id=\"consent-form\">").Append(hidden).Append(readOnly);
        body.Append("<fieldset><legend>Sign in with your organisation's HaloMcp API key</legend>");
        body.Append("<label for=\"api-key\">API key</label> <input type=\"password\" name=\"api_key\" id=\"api-key\" autocomplete=\"off\" spellcheck=\"false\">");
        body.Append(" <button type=\"submit\" name=\"action\" value=\"api_key\" id=\"sign-in-key\">Sign in with the key</button></fieldset>");
        if (view.AgentSignIn)
        {
            body.Append("<fieldset><legend>Or sign in to your own HaloPSA (the assistant then acts as you, with your HaloPSA permissions)</legend>");
            body.Append("<label for=\"tenant\">Organisation</label> <input type=\"text\" name=\"tenant\" id=\"tenant\" autocomplete=\"organization\" spellcheck=\"false\">");
            body.Append(" <button type=\"submit\" name=\"action\" value=\"halopsa\" id=\"sign-in-halopsa\">Sign in with HaloPSA</button></fieldset>");
        }

        body.Append("<p><button type=\"submit\" name=\"action\" value=\"deny\" id=\"deny\">Cancel</button></p></form>");
        return WriteHtmlAsync(context, status, "Connect to HaloPSA", body.ToString());
    }

    /// <summary>An error page that never sends the browser anywhere.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string error, string message) =>
        WriteHtmlAsync(context, status, "HaloMcp sign-in",
            $"<h1>HaloMcp sign-in</h1><p id=\"authorize-error\" class=\"error\" data-error=\"{HtmlEncoder.Default.Encode(error)}\">{HtmlEncoder.Default.Encode(message)}</p>");

    private static Task WriteHtmlAsync(HttpContext context, int status, string title, string body)
    {
        var nonce = OAuthTokens.Random(16);
        var headers = context.Response.Headers;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers["X-Content-Type-Options"] = "nosniff";
        // same-origin, not no-referrer: under no-referrer a browser posts the form with "Origin: null", which the
        // consent endpoint rightly refuses.
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; frame-ancestors 'none'; base-uri 'none'";
        var html = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{HtmlEncoder.Default.Encode(title)}</title>"
            + $"<style nonce=\"{nonce}\">body{{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}fieldset{{margin:1rem 0;padding:1rem}}.muted{{color:#666;font-size:.9em}}.error{{color:#b00020;font-weight:600}}input[type=text],input[type=password]{{width:100%;box-sizing:border-box;margin:.25rem 0 .5rem}}</style>"
            + $"</head><body>{body}</body></html>";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
