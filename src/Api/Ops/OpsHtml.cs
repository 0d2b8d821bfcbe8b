using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Ops;

/// <summary>The frame both operations pages share: one self-contained HTML document, no script, strict headers.</summary>
internal static class OpsHtml
{
    // No script at all, styles inline only, forms post back here only, never framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2430;background:#f5f6f8}
        header{background:#22304a;color:#fff;padding:10px 20px;display:flex;gap:20px;align-items:center}
        header h1{font-size:18px;margin:0;flex:1} header a,header button{color:#fff}
        header form{margin:0} header button{background:none;border:1px solid #8da2c6;border-radius:4px;padding:3px 10px;cursor:pointer}
        main{padding:10px 20px 30px} section{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:10px 16px;margin:14px 0}
        h2{font-size:16px;margin:4px 0 10px} table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceef2;vertical-align:top;white-space:nowrap}
        th{font-weight:600;color:#4a5568;font-size:12px} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .bar{display:inline-block;width:90px;height:8px;background:#e4e8ef;border-radius:4px;vertical-align:middle;margin-right:6px}
        .bar i{display:block;height:8px;border-radius:4px;background:#3b7dd8} .bar i.hot{background:#d8893b} .bar i.full{background:#c53030}
        .muted{color:#718096} .warn{color:#b7791f} .bad{color:#c53030} .chart{margin:6px 0 4px}
        .login{max-width:340px;margin:60px auto;background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:20px 24px}
        .login label{display:block;margin:10px 0 4px} .login input{width:100%;box-sizing:border-box;padding:6px;font-size:14px}
        .login button{margin-top:16px;padding:6px 18px;font-size:14px} .error{color:#c53030;margin:8px 0}
        """;

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static async Task WriteAsync(HttpContext context, int status, string title, string header, string body, int refreshSeconds = 0)
    {
        var html = new StringBuilder(body.Length + 4096)
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        if (refreshSeconds > 0)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(refreshSeconds.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }

        html.Append("<style>").Append(Style).Append("</style></head><body>").Append(header).Append(body).Append("</body></html>");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }
}
