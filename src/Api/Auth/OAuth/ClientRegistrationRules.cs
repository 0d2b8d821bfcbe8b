using System.Text.Json;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>What client metadata (RFC 7591 §2, and client ID metadata documents) must look like.</summary>
internal static class ClientRegistrationRules
{
    public const int MaxRedirectUris = 10;
    public const int MaxNameLength = 100;

    /// <summary>The <c>redirect_uris</c> of <paramref name="metadata"/>, or why they cannot be registered.</summary>
    public static (IReadOnlyList<string>? Uris, string? Problem) RedirectUris(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("redirect_uris", out var uris) || uris.ValueKind != JsonValueKind.Array || uris.GetArrayLength() == 0)
        {
            return (null, "redirect_uris is required: a non-empty array of URIs");
        }

        if (uris.GetArrayLength() > MaxRedirectUris)
        {
            return (null, $"at most {MaxRedirectUris} redirect_uris may be registered");
        }

        var list = new List<string>();
        foreach (var uri in uris.EnumerateArray())
        {
            if (uri.ValueKind != JsonValueKind.String || uri.GetString() is not { Length: > 0 } text)
            {
                return (null, "every redirect_uris entry must be a URI string");
            }

            if (RedirectUriRules.Problem(text) is { } problem)
            {
                return (null, "redirect_uris: " + problem);
            }

            list.Add(text);
        }

        return (list, null);
    }

    /// <summary>A client name fit to show (trimmed, control characters removed, bounded), or null.</summary>
    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength];
    }
}
