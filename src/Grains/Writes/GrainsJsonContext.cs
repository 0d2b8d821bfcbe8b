using System.Text.Json.Serialization;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Writes;

/// <summary>Source-generated JSON for what the grains remember: create commands (for idempotency keys) and results.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreateTicketCommand))]
[JsonSerializable(typeof(CreateAssetCommand))]
[JsonSerializable(typeof(CreateClientCommand))]
[JsonSerializable(typeof(TicketDetail))]
[JsonSerializable(typeof(AssetDetail))]
[JsonSerializable(typeof(ClientDetail))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
