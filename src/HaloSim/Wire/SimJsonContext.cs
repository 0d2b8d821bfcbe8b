using System.Text.Json.Serialization;

namespace HaloMcp.HaloSim.Wire;

/// <summary>Source-generated serialisation of the simulator's fixed wire shapes (records themselves are JSON nodes).</summary>
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(HaloError))]
[JsonSerializable(typeof(MessageError))]
[JsonSerializable(typeof(AuthInfoResponse))]
[JsonSerializable(typeof(SimFaultsRequest))]
internal sealed partial class SimJsonContext : JsonSerializerContext;
