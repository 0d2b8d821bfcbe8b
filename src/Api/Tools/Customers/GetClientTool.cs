using HaloMcp.Grains.Customers;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_get_client</c>: one client with its sites.</summary>
public sealed class GetClientTool() : HaloTool<ClientDetail>(
    "halopsa_get_client",
    "Get a client",
    "Reads one HaloPSA client: name, status, website, phone, main site and notes, with its sites unless include_sites is false.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "The client's id.", required: true),
        Arg.Flag("include_sites", "Include the client's sites.", true),
    ],
    HaloToolJsonContext.Default.ClientDetail)
{
    /// <inheritdoc />
    protected override Task<ClientDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Client(arguments.RequiredInt("client_id")).GetAsync(arguments.Flag("include_sites"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(ClientDetail result) => CustomerText.Detail(result);
}
