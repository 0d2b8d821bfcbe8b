using System.Text.Json.Serialization;

namespace HaloMcp.Api.Ops;

/// <summary>Source-generated JSON metadata for the operations endpoints.</summary>
[JsonSerializable(typeof(RuntimeSnapshot))]
internal sealed partial class OpsJsonContext : JsonSerializerContext;
