using HaloMcp.Grains.Customers;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_create_client</c>: a new client.</summary>
public sealed class CreateClientTool() : HaloTool<ClientDetail>(
    "halopsa_create_client",
    "Create a client",
    "Creates a HaloPSA client (customer). Sending the same client again within 10 minutes returns the first one instead of creating a duplicate. Check halopsa_list_clients first: HaloPSA itself does not refuse duplicate names.",
    ToolKind.Create,
    [
        Arg.Text("name", "The client's name.", required: true),
        Arg.Text("website", "Website."),
        Arg.Text("phone_number", "Main phone number.", maxLength: 50),
        Arg.Text("notes", "Notes.", maxLength: Arg.LongTextLimit),
    ],
    HaloToolJsonContext.Default.ClientDetail)
{
    /// <inheritdoc />
    protected override Task<ClientDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.CreateClientAsync(
            new CreateClientCommand(arguments.RequiredText("name"), arguments.Text("website"), arguments.Text("phone_number"), arguments.Text("notes")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(ClientDetail result) => "Created. " + CustomerText.Detail(result);
}
