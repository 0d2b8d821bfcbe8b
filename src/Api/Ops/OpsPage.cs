using System.Globalization;
using System.Text;
using HaloMcp.Grains.Ops;

namespace HaloMcp.Api.Ops;

/// <summary>The HTML of <c>/ops</c>: the cluster (silos, grain types, links into the dashboard) and every recent tenant.</summary>
internal static class OpsPage
{
    public static string Header(string operatorName, string tokenField) =>
        "<header><h1>HaloMcp operations</h1>" +
        $"<a href=\"{OpsEndpoints.DashboardPath}/\">Orleans dashboard</a>" +
        $"<span>{OpsHtml.Encode(operatorName)}</span>" +
        $"<form method=\"post\" action=\"{OpsLogin.LogoutPath}\">{tokenField}<button type=\"submit\">Log out</button></form></header>";

    public static string Body(OpsOverview overview)
    {
        var html = new StringBuilder(16 * 1024).Append("<main>");
        Cluster(html, overview.Cluster);
        Tenants(html, overview);
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Read at {overview.At:yyyy-MM-dd HH:mm:ss} UTC from the metrics every silo emits (meter HaloMcp.Grains, HaloPSA request durations) and Orleans' management grain. Counters run from each silo's start; latency covers the last 5 to 10 minutes.</p>");
        return html.Append("</main>").ToString();
    }

    private static void Cluster(StringBuilder html, ClusterOverview cluster)
    {
        html.Append("<section id=\"cluster\"><h2>Cluster</h2><table id=\"silos\"><thead><tr><th>Silo</th><th>Name</th><th>Host</th><th>Status</th><th class=\"num\">Activations</th></tr></thead><tbody>");
        foreach (var silo in cluster.Silos)
        {
            var status = silo.Status == "Active" ? "" : " class=\"warn\"";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-silo=\"{OpsHtml.Encode(silo.Address)}\"><td><a href=\"{OpsEndpoints.DashboardPath}/#/host/{Uri.EscapeDataString(silo.Address)}\">{OpsHtml.Encode(silo.Address)}</a></td>" +
                $"<td>{OpsHtml.Encode(silo.Name)}</td><td>{OpsHtml.Encode(silo.HostName)}</td><td{status}>{OpsHtml.Encode(silo.Status)}</td><td class=\"num\">{OpsHtml.Number(silo.Activations)}</td></tr>");
        }

        html.Append("</tbody></table><h2 style=\"margin-top:14px\">Activations per grain type</h2><table id=\"grain-types\"><thead><tr><th>Grain type</th><th class=\"num\">Activations</th><th class=\"num\">Silos</th></tr></thead><tbody>");
        foreach (var type in cluster.GrainTypes)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-grain-type=\"{OpsHtml.Encode(type.ShortName)}\"><td><a href=\"{OpsEndpoints.DashboardPath}/#/grain/{Uri.EscapeDataString(type.GrainType)}\" title=\"{OpsHtml.Encode(type.GrainType)}\">{OpsHtml.Encode(type.ShortName)}</a></td>" +
                $"<td class=\"num\">{OpsHtml.Number(type.Activations)}</td><td class=\"num\">{type.Silos}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Tenants(StringBuilder html, OpsOverview overview)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"tenants\"><h2>Tenants ({overview.Tenants.Count} seen in the last hour)</h2>");
        if (overview.Tenants.Count == 0)
        {
            html.Append("<p class=\"muted\">No tenant has made a call since the silos started (or within the last hour).</p></section>");
            return;
        }

        html.Append("<table id=\"tenant-table\"><thead><tr><th>Tenant</th><th>Budget now</th><th class=\"num\">Waiting</th><th class=\"num\">Permits (waited)</th>")
            .Append("<th class=\"num\">Rejected</th><th class=\"num\">429s</th><th class=\"num\">Token requests</th><th class=\"num\">Upstream p50 / p95</th>")
            .Append("<th class=\"num\">Upstream errors</th><th>Cache hit rate</th><th>Other</th><th>Last activity</th></tr></thead><tbody>");
        foreach (var row in overview.Tenants)
        {
            TenantRow(html, row, overview.At);
        }

        html.Append("</tbody></table></section>");
    }

    private static void TenantRow(StringBuilder html, TenantOpsRow row, DateTimeOffset now)
    {
        var a = row.Activity;
        var id = OpsHtml.Encode(a.TenantId);
        var p50 = a.RecentLatency.PercentileMs(0.50);
        var p95 = a.RecentLatency.PercentileMs(0.95);
        html.Append(CultureInfo.InvariantCulture, $"<tr data-tenant=\"{id}\"><td><b>{id}</b></td>")
            .Append("<td data-field=\"budget\">").Append(Budget(row, now)).Append("</td>")
            .Append(Cell("waiting", row.Waiting))
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-field=\"permits\">{OpsHtml.Number(a.Permits)} <span class=\"muted\">({OpsHtml.Number(a.WaitedPermits)})</span></td>")
            .Append(Cell("rejections", a.Rejections, a.Rejections > 0 ? "warn" : null))
            .Append(Cell("rate-limited", a.RateLimited, a.RateLimited > 0 ? "bad" : null))
            .Append(Cell("token-requests", a.TokenRequests))
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-field=\"latency\">{Ms(p50)} / {Ms(p95)}</td>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num{(a.UpstreamErrors > 0 ? " bad" : "")}\" data-field=\"upstream-errors\">{OpsHtml.Number(a.UpstreamErrors)} <span class=\"muted\">of {OpsHtml.Number(a.UpstreamRequests)}</span></td>")
            .Append("<td data-field=\"caches\">").Append(Caches(a.Caches)).Append("</td>")
            .Append("<td data-field=\"other\">").Append(Others(a.OtherCounters)).Append("</td>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"muted\">{Ago(now - a.LastSeen)}</td></tr>");
        if (row.History is { } history && row.Limit is > 0 && row.WindowSeconds is > 0)
        {
            html.Append("<tr class=\"chart-row\"><td></td><td colspan=\"11\">")
                .Append(BudgetChart.Svg(a.TenantId, history, row.Limit.Value, row.WindowSeconds.Value))
                .Append("</td></tr>");
        }
    }

    private static string Budget(TenantOpsRow row, DateTimeOffset now)
    {
        if (row.Use is not { } use)
        {
            return $"<span data-in-window=\"{row.InWindow}\">{row.InWindow} in window</span> <span class=\"muted\">(budget unknown)</span>";
        }

        var width = Math.Clamp(use, 0, 1) * 100;
        var tone = use >= 1 ? "full" : use >= 0.8 ? "hot" : "";
        var paused = row.PausedUntil is { } until && until > now ? string.Create(CultureInfo.InvariantCulture, $" <span class=\"bad\">paused by a 429 for {(until - now).TotalSeconds:0} s more</span>") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"<span class=\"bar\"><i class=\"{tone}\" style=\"width:{width:0.#}%\"></i></span><span data-in-window=\"{row.InWindow}\">{row.InWindow} / {row.Limit}</span> <span class=\"muted\">per {row.WindowSeconds:0} s ({use * 100:0} %)</span>{paused}");
    }

    private static string Caches(IReadOnlyList<CacheActivity> caches) =>
        caches.Count == 0
            ? "<span class=\"muted\">none</span>"
            : string.Join(" ", caches.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"<span data-cache=\"{OpsHtml.Encode(c.Cache)}\" title=\"{c.Hits} hits, {c.Misses} misses\">{OpsHtml.Encode(c.Cache)} {c.HitRate * 100:0} %</span>")));

    private static string Others(IReadOnlyList<CounterTotal> counters) =>
        counters.Count == 0
            ? ""
            : string.Join("<br>", counters.Select(c =>
                $"<span data-counter=\"{OpsHtml.Encode(c.Name)}\">{OpsHtml.Encode(Label(c.Name))}: {OpsHtml.Number(c.Value)}</span>"));

    // "halomcp.webhooks.deliveries" reads as "webhooks deliveries".
    private static string Label(string instrument) =>
        (instrument.StartsWith("halomcp.", StringComparison.Ordinal) ? instrument["halomcp.".Length..] : instrument).Replace('.', ' ').Replace('_', ' ');

    private static string Cell(string field, long value, string? tone = null) =>
        $"<td class=\"num{(tone is null ? "" : " " + tone)}\" data-field=\"{field}\">{OpsHtml.Number(value)}</td>";

    private static string Ms(double? value) => value switch
    {
        null => "-",
        < 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => value.Value.ToString("N0", CultureInfo.InvariantCulture) + " ms",
    };

    private static string Ago(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "now",
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h"),
    } + (span.TotalSeconds < 1 ? "" : " ago");
}
