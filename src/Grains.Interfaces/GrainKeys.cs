using System.Globalization;

namespace HaloMcp.Grains;

/// <summary>How grain keys are formed, so that every key carries its tenant.</summary>
public static class GrainKeys
{
    /// <summary>The key of an entity grain: <c>{tenantId}/{entityId}</c>.</summary>
    public static string ForEntity(string tenantId, int entityId) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenantId}/{entityId}");

    /// <summary>Splits an entity grain key into its tenant and entity id.</summary>
    /// <exception cref="FormatException">The key is not of the form <c>{tenantId}/{entityId}</c>.</exception>
    public static (string TenantId, int EntityId) ParseEntity(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"'{key}' is not an entity grain key.");
        }

        return (key[..slash], id);
    }
}
