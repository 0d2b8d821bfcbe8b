using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Grains.Search;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Search;

/// <summary>Free-text search over one kind of entity.</summary>
[McpServerToolType]
public sealed class SearchTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_search", Title = "Search HaloPSA", ReadOnly = true, UseStructuredContent = true)]
    [Description("Finds records of one kind by text.")]
    public Task<SearchResult> Search(
        SearchEntity entity,
        [StringLength(200)] string query,
        [Range(1, 50)] int limit = 10,
        CancellationToken cancellationToken = default) =>
        grains.ServiceDesk.SearchAsync(new SearchQuery(entity, query, limit), cancellationToken);
}
