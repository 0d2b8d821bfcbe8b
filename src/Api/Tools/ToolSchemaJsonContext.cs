using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HaloMcp.Api.Tools;

/// <summary>Source-generated JSON metadata for the schema documents tools publish.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ToolSchemaJsonContext : JsonSerializerContext;
