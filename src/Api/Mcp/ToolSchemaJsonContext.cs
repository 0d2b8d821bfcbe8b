using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HaloMcp.Api.Mcp;

/// <summary>Source-generated JSON metadata for the schema documents tools publish.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ToolSchemaJsonContext : JsonSerializerContext;
