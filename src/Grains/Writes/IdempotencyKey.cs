using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HaloMcp.Grains.Writes;

/// <summary>
/// The key of an <see cref="IIdempotentWriteGrain"/>: tenant (and the agent acting, if any), operation, the entity it is for, and a hash of the
/// write's canonical arguments. Identical writes meet in one activation; different ones never do.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>The key of <paramref name="command"/> sent by <paramref name="tenantId"/> as <paramref name="operation"/> on <paramref name="entityId"/>.</summary>
    public static string Of<TCommand>(string tenantId, string operation, int? entityId, TCommand command, JsonTypeInfo<TCommand> type)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, type)));
        var entity = entityId?.ToString(CultureInfo.InvariantCulture) ?? "-";

        // Writes made as one HaloPSA agent are that agent's: another agent's identical write is its own, not a repeat.
        return Tenancy.ActingAgent.CacheIdentity is { } agent
            ? $"{tenantId}/{agent}/{operation}/{entity}/{hash}"
            : $"{tenantId}/{operation}/{entity}/{hash}";
    }
}
