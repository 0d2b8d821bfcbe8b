using System.Text.Json.Serialization;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Webhooks;
using HaloMcp.Grains.HaloPsa.Writes;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>
/// Source-generated metadata for every HaloPSA wire type. Reading is tolerant: names match case-insensitively,
/// unknown fields are ignored, ids may be numbers or strings, sentinel dates read as null. Writing leaves out null
/// properties so an update sends only the fields the caller set.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(HaloFlexibleInt32Converter), typeof(HaloFlexibleBooleanConverter), typeof(HaloDateTimeConverter), typeof(HaloLooseStringConverter)])]
[JsonSerializable(typeof(HaloTokenResponse))]
[JsonSerializable(typeof(HaloTicket))]
[JsonSerializable(typeof(HaloTicketAction))]
[JsonSerializable(typeof(HaloClient))]
[JsonSerializable(typeof(HaloSite))]
[JsonSerializable(typeof(HaloUser))]
[JsonSerializable(typeof(HaloAgent))]
[JsonSerializable(typeof(HaloTeam))]
[JsonSerializable(typeof(HaloAsset))]
[JsonSerializable(typeof(HaloAssetType))]
[JsonSerializable(typeof(HaloTicketType))]
[JsonSerializable(typeof(HaloStatus))]
[JsonSerializable(typeof(HaloPriority))]
[JsonSerializable(typeof(HaloOutcome))]
[JsonSerializable(typeof(HaloContract))]
[JsonSerializable(typeof(HaloInvoice))]
[JsonSerializable(typeof(HaloProject))]
[JsonSerializable(typeof(HaloReport))]
[JsonSerializable(typeof(HaloWebhookEnvelope))]
[JsonSerializable(typeof(HaloTicketWrite[]))]
[JsonSerializable(typeof(HaloActionWrite[]))]
[JsonSerializable(typeof(HaloClientWrite[]))]
[JsonSerializable(typeof(HaloAssetWrite[]))]
internal sealed partial class HaloJsonContext : JsonSerializerContext;
