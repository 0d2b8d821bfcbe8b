using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Who is calling the token and revocation endpoints (RFC 6749 §2.3): a public client names itself with
/// <c>client_id</c>; a confidential one proves itself with its secret, by HTTP Basic or in the form (one way only).
/// </summary>
internal sealed class ClientAuthentication(OAuthClients clients)
{
    public async Task<(OAuthClient? Client, string? Problem)> AuthenticateAsync(HttpRequest request, IFormCollection form)
    {
        string? clientId = form["client_id"];
        string? secret = form["client_secret"];
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (secret is not null)
            {
                return (null, "Send the client's credentials one way only (HTTP Basic or the form).");
            }

            if (!TryReadBasic(header[6..].Trim(), out var basicId, out var basicSecret) || (clientId is not null && clientId != basicId))
            {
                return (null, "The HTTP Basic credentials are malformed.");
            }

            (clientId, secret) = (basicId, basicSecret);
        }

        var (client, problem) = await clients.FindAsync(clientId, request.HttpContext.RequestAborted);
        if (client is null)
        {
            return (null, problem);
        }

        if (client.SecretHash is { } expected
            && (secret is null || !CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(secret)))))
        {
            return (null, "The client's credentials are wrong.");
        }

        return (client, null);
    }

    private static bool TryReadBasic(string value, out string id, out string secret)
    {
        id = secret = string.Empty;
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var written))
        {
            return false;
        }

        var pair = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined.
        id = Uri.UnescapeDataString(pair[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(pair[(colon + 1)..].Replace('+', ' '));
        return true;
    }
}
