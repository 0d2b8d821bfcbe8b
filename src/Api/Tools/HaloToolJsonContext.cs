using System.Text.Json;
using System.Text.Json.Serialization;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Search;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools;

/// <summary>
/// Source-generated JSON metadata for the catalogue's structured results, in HaloPSA's snake_case. Fields HaloPSA left
/// unset are left out rather than sent as null: results are sized for a model's context.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SearchEntityJsonConverter), typeof(UtcDateTimeOffsetJsonConverter)])]
[JsonSerializable(typeof(PagedResult<TicketRow>))]
[JsonSerializable(typeof(TicketDetail))]
[JsonSerializable(typeof(ActionRow))]
[JsonSerializable(typeof(PagedResult<ActionRow>))]
[JsonSerializable(typeof(PagedResult<ClientRow>))]
[JsonSerializable(typeof(ClientDetail))]
[JsonSerializable(typeof(PagedResult<SiteRow>))]
[JsonSerializable(typeof(SiteDetail))]
[JsonSerializable(typeof(PagedResult<UserRow>))]
[JsonSerializable(typeof(UserDetail))]
[JsonSerializable(typeof(PagedResult<AssetRow>))]
[JsonSerializable(typeof(AssetDetail))]
[JsonSerializable(typeof(ItemList<AgentInfo>))]
[JsonSerializable(typeof(AgentDetail))]
[JsonSerializable(typeof(ItemList<TeamInfo>))]
[JsonSerializable(typeof(ItemList<TicketTypeInfo>))]
[JsonSerializable(typeof(ItemList<StatusInfo>))]
[JsonSerializable(typeof(ItemList<PriorityInfo>))]
[JsonSerializable(typeof(ItemList<AssetTypeInfo>))]
[JsonSerializable(typeof(ItemList<OutcomeInfo>))]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(PagedResult<ContractRow>))]
[JsonSerializable(typeof(ContractDetail))]
[JsonSerializable(typeof(PagedResult<InvoiceRow>))]
[JsonSerializable(typeof(InvoiceDetail))]
[JsonSerializable(typeof(PagedResult<RecurringInvoiceRow>))]
[JsonSerializable(typeof(RecurringInvoiceDetail))]
[JsonSerializable(typeof(PagedResult<ProjectRow>))]
[JsonSerializable(typeof(ProjectDetail))]
[JsonSerializable(typeof(ItemList<ReportRow>))]
[JsonSerializable(typeof(RevenueBreakdown))]
public sealed partial class HaloToolJsonContext : JsonSerializerContext;
