using System.Text.Json.Serialization;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Silo.Tenancy;

/// <summary>The plain text a <see cref="TenantSettingsSeal"/> seals.</summary>
[JsonSerializable(typeof(TenantSettings))]
internal sealed partial class SealedSettingsJsonContext : JsonSerializerContext;
