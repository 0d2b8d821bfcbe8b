using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Customers;

/// <summary>Clients (customers), their sites and their end users (contacts).</summary>
[McpServerToolType]
public sealed class CustomerTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_clients", Title = "List clients", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists clients (customers).")]
    public Task<PagedResult<ClientRow>> ListClients(
        [Description("Text in the name.")] string? search = null,
        bool include_inactive = false,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Customers.ListClientsAsync(new ClientQuery(search, include_inactive, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_client", Title = "Get a client", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one client (with its sites when asked).")]
    public Task<ClientDetail> GetClient(
        [Range(1, int.MaxValue)] int client_id,
        bool include_sites = false,
        CancellationToken cancellationToken = default) =>
        grains.Client(client_id).GetAsync(include_sites, cancellationToken);

    [McpServerTool(Name = "halopsa_create_client", Title = "Create a client", Destructive = false, UseStructuredContent = true)]
    [ResultLeavesOut("sites", "from_cache", "age_seconds")]
    [Description("Creates a client; repeated within 10 minutes, it returns the first. Names may repeat: search first.")]
    public Task<ClientDetail> CreateClient(
        string name,
        string? website = null,
        [StringLength(50)] string? phone_number = null,
        [StringLength(ArgumentLimits.LongText)] string? notes = null,
        CancellationToken cancellationToken = default) =>
        grains.Customers.CreateClientAsync(new CreateClientCommand(name, website, phone_number, notes), cancellationToken);

    [McpServerTool(Name = "halopsa_list_sites", Title = "List sites", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists sites (clients' locations).")]
    public Task<PagedResult<SiteRow>> ListSites(
        [Range(1, int.MaxValue)] int? client_id = null,
        [Description("Text in the name.")] string? search = null,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Customers.ListSitesAsync(new SiteQuery(client_id, search, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_site", Title = "Get a site", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one site.")]
    public Task<SiteDetail> GetSite(
        [Range(1, int.MaxValue)] int site_id,
        CancellationToken cancellationToken = default) =>
        grains.Customers.GetSiteAsync(site_id, cancellationToken);

    [McpServerTool(Name = "halopsa_list_users", Title = "List end users", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists end users (clients' contacts).")]
    public Task<PagedResult<UserRow>> ListUsers(
        [Range(1, int.MaxValue)] int? client_id = null,
        [Range(1, int.MaxValue)] int? site_id = null,
        [Description("Text in name, email or phone.")] string? search = null,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Customers.ListUsersAsync(new UserQuery(client_id, site_id, search, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_user", Title = "Get an end user", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one end user.")]
    public Task<UserDetail> GetUser(
        [Range(1, int.MaxValue)] int user_id,
        CancellationToken cancellationToken = default) =>
        grains.Customers.GetUserAsync(user_id, cancellationToken);
}
