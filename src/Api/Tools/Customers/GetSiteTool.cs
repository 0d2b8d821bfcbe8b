using HaloMcp.Grains.Customers;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_get_site</c>: one site.</summary>
public sealed class GetSiteTool() : HaloTool<SiteDetail>(
    "halopsa_get_site",
    "Get a site",
    "Reads one HaloPSA site: its client, address, phone, time zone, main contact and notes.",
    ToolKind.Read,
    [Arg.Id("site_id", "The site's id.", required: true)],
    HaloToolJsonContext.Default.SiteDetail)
{
    /// <inheritdoc />
    protected override Task<SiteDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.GetSiteAsync(arguments.RequiredInt("site_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(SiteDetail result) => CustomerText.Detail(result);
}
