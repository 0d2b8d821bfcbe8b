using System.Text.Json.Serialization;

namespace HaloMcp.Api.Tools;

/// <summary>Source-generated JSON metadata for the tools' result types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConnectionInfo))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
