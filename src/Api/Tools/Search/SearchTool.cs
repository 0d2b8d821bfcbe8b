using HaloMcp.Grains.Search;

namespace HaloMcp.Api.Tools.Search;

/// <summary><c>halopsa_search</c>: free-text search over one kind of entity.</summary>
public sealed class SearchTool() : HaloTool<SearchResult>(
    "halopsa_search",
    "Search HaloPSA",
    "Finds tickets, clients, assets, agents, sites or end users whose text matches the query, and returns their ids and names for use with the get tools.",
    ToolKind.Read,
    [
        Arg.OneOf("entity", "What to search.", ["tickets", "clients", "assets", "agents", "sites", "users"], required: true),
        Arg.Text("query", "The text to look for.", required: true, maxLength: 200),
        Arg.Integer("limit", "How many hits at most.", 1, 50, 10),
    ],
    HaloToolJsonContext.Default.SearchResult)
{
    /// <inheritdoc />
    protected override Task<SearchResult> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.ServiceDesk.SearchAsync(
            new SearchQuery(Enum.Parse<SearchEntity>(arguments.Choice("entity")!, ignoreCase: true), arguments.RequiredText("query"), arguments.IntOrDefault("limit")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(SearchResult result) =>
        ToolText.List($"{result.Entity.ToString().ToLowerInvariant()} matching '{result.Query}' (of {result.Total})", result.Items,
            h => ToolText.Join($"#{h.Id} {h.Title}", h.Subtitle));
}
