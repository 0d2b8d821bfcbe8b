using System.Globalization;
using System.Text;
using HaloMcp.Grains.Ops;

namespace HaloMcp.Api.Ops;

/// <summary>
/// An inline SVG of one tenant's budget use over the last hour: at each bucket's end, the permits of the rolling window
/// that ends there (the sum of the window's buckets) as a share of the budget, with the budget itself as a dashed line.
/// </summary>
internal static class BudgetChart
{
    private const int Width = 720;
    private const int Height = 110;
    private const int Top = 8;
    private const int Bottom = 18;

    /// <summary>Window use per bucket, as fractions of <paramref name="limit"/>, oldest first.</summary>
    public static double[] WindowUse(BudgetHistory history, int limit, double windowSeconds)
    {
        var buckets = Math.Max(1, (int)Math.Ceiling(windowSeconds / history.BucketSeconds));
        var use = new double[history.Permits.Count];
        long sum = 0;
        for (var i = 0; i < history.Permits.Count; i++)
        {
            sum += history.Permits[i];
            if (i >= buckets)
            {
                sum -= history.Permits[i - buckets];
            }

            use[i] = sum / (double)limit;
        }

        return use;
    }

    public static string Svg(string tenantId, BudgetHistory history, int limit, double windowSeconds)
    {
        var use = WindowUse(history, limit, windowSeconds);
        var peak = use.Length == 0 ? 0 : use.Max();

        // Scaled to the peak (at least 10 % of the budget), so light use is visible; the budget's line shows once in range.
        var scale = Math.Max(0.1, peak * 1.25);
        var plot = Height - Top - Bottom;
        double X(int i) => use.Length <= 1 ? 0 : i * (Width - 1.0) / (use.Length - 1);
        double Y(double v) => Top + plot - (v / scale * plot);

        var points = new StringBuilder(use.Length * 12);
        for (var i = 0; i < use.Length; i++)
        {
            points.Append(F(X(i))).Append(',').Append(F(Y(use[i]))).Append(' ');
        }

        var minutes = history.Permits.Count * history.BucketSeconds / 60;
        var summary = $"{tenantId}: budget use over the last {minutes} minutes, peak {peak * 100:0} % of {limit} per {windowSeconds:0} s";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" data-chart-tenant=\"{OpsHtml.Encode(tenantId)}\" data-peak=\"{peak.ToString("0.######", CultureInfo.InvariantCulture)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">")
            .Append("<title>").Append(OpsHtml.Encode(summary)).Append("</title>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{Top}\" width=\"{Width}\" height=\"{plot}\" fill=\"#f7f9fc\"/>")
            .Append(CultureInfo.InvariantCulture, $"<polygon points=\"0,{F(Y(0))} {points}{F(X(use.Length - 1))},{F(Y(0))}\" fill=\"#3b7dd8\" fill-opacity=\"0.18\"/>")
            .Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#3b7dd8\" stroke-width=\"1.5\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{Height - 4}\" font-size=\"10\" fill=\"#718096\">-{minutes} min</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 4}\" font-size=\"10\" fill=\"#718096\" text-anchor=\"middle\">-{minutes / 2} min</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 2}\" y=\"{Height - 4}\" font-size=\"10\" fill=\"#718096\" text-anchor=\"end\">now</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + 10}\" font-size=\"10\" fill=\"#718096\">{scale * 100:0} % of {limit} per {windowSeconds:0} s</text>")
            .Append(scale >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{Width}\" y1=\"{F(Y(1))}\" y2=\"{F(Y(1))}\" stroke=\"#c53030\" stroke-dasharray=\"4 3\"/><text x=\"{Width - 4}\" y=\"{F(Y(1) - 3)}\" font-size=\"10\" fill=\"#c53030\" text-anchor=\"end\">budget</text>")
                : "")
            .Append("</svg>")
            .ToString();
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
