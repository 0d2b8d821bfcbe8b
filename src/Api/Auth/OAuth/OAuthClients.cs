using HaloMcp.Grains.OAuth;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>Finds the client a request names: a dynamically registered one (its grain), or a metadata document's.</summary>
internal sealed class OAuthClients(IGrainFactory grains, ClientMetadataDocuments documents)
{
    /// <summary>The client, or null with why it is not known.</summary>
    public async Task<(OAuthClient? Client, string? Problem)> FindAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 500)
        {
            return (null, "client_id is required");
        }

        if (ClientMetadataDocuments.IsDocumentUrl(clientId))
        {
            var (client, problem) = await documents.GetAsync(clientId, cancellationToken);
            return (client, problem is null ? null : "The client's " + problem.Replace("its ", string.Empty, StringComparison.Ordinal) + ".");
        }

        if (!clientId.StartsWith(ClientIdPrefix, StringComparison.Ordinal))
        {
            return (null, "This client is not registered.");
        }

        var registration = await grains.GetGrain<IOAuthClientGrain>(clientId).GetAsync(cancellationToken);
        return registration is null
            ? (null, "This client is not registered.")
            : (new OAuthClient(registration.ClientId, registration.ClientName, registration.RedirectUris, registration.SecretHash, FromMetadataDocument: false), null);
    }

    /// <summary>The prefix of the client ids HaloMcp issues.</summary>
    public const string ClientIdPrefix = "hmcl_";
}
