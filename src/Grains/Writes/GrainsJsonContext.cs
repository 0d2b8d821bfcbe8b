using System.Text.Json.Serialization;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Writes;

/// <summary>Source-generated JSON for the canonical form of a write's arguments (the idempotency key hashes it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreateTicketCommand))]
[JsonSerializable(typeof(CreateAssetCommand))]
[JsonSerializable(typeof(CreateClientCommand))]
[JsonSerializable(typeof(AddActionCommand))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
