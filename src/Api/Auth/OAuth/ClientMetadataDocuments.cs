using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Client ID metadata documents (the MCP authorization spec's preferred registration, draft-ietf-oauth-client-id-metadata-document):
/// a client whose id is an https URL is described by the JSON document at that URL. Fetched without redirects, with a
/// size and time limit, never from loopback or private addresses (unless allowed for development), and kept for an hour.
/// </summary>
internal sealed partial class ClientMetadataDocuments(
    IHttpClientFactory httpClients,
    IOptionsMonitor<OAuthOptions> options,
    TimeProvider time,
    ILogger<ClientMetadataDocuments> logger)
{
    public const string HttpClientName = "OAuth.ClientMetadata";
    private const int MaxDocumentBytes = 10 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(1);
    private const int MaxCached = 1000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, OAuthClient? Client, string? Problem)> _cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="clientId"/> is a URL that names a metadata document.</summary>
    public static bool IsDocumentUrl(string clientId) => clientId.Contains("://", StringComparison.Ordinal);

    /// <summary>The client the document at <paramref name="clientId"/> describes, or why there is none.</summary>
    public async Task<(OAuthClient? Client, string? Problem)> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        if (DocumentUrlProblem(clientId) is { } urlProblem)
        {
            return (null, urlProblem);
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(clientId, out var cached) && now < cached.Until)
        {
            return (cached.Client, cached.Problem);
        }

        var (client, problem) = await FetchAsync(clientId, cancellationToken);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[clientId] = (now + (client is null ? FailureLifetime : Lifetime), client, problem);
        return (client, problem);
    }

    /// <summary>The socket connector that refuses private addresses (checked on the address actually connected to).</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(IOptionsMonitor<OAuthOptions> options) =>
        async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => options.CurrentValue.AllowPrivateClientMetadataUrls || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private string? DocumentUrlProblem(string clientId)
    {
        if (!Uri.TryCreate(clientId, UriKind.Absolute, out var url))
        {
            return "the client id is not a URL";
        }

        var insecureAllowed = options.CurrentValue.AllowPrivateClientMetadataUrls && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback;
        if (url.Scheme != Uri.UriSchemeHttps && !insecureAllowed)
        {
            return "a client ID metadata document must be served over https";
        }

        return url.AbsolutePath.Length <= 1 ? "a client ID metadata document URL must have a path"
            : !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo) ? "a client ID metadata document URL must have no fragment or user information"
            : url.OriginalString.Contains("/./", StringComparison.Ordinal) || url.OriginalString.Contains("/../", StringComparison.Ordinal) ? "a client ID metadata document URL must have no dot segments"
            : null;
    }

    private async Task<(OAuthClient?, string?)> FetchAsync(string clientId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.CurrentValue.ClientMetadataTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, clientId);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"its metadata document answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                return (null, "its metadata document is too large");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[MaxDocumentBytes + 1];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), timeout.Token) is var n and > 0)
            {
                read += n;
            }

            return read > MaxDocumentBytes ? (null, "its metadata document is too large") : Parse(clientId, buffer.AsSpan(0, read));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            LogFetchFailed(logger, clientId, ex.GetType().Name);
            return (null, "its metadata document could not be fetched");
        }
    }

    private static (OAuthClient?, string?) Parse(string clientId, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "its metadata document is not a JSON object");
            }

            if (!root.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != clientId)
            {
                return (null, "its metadata document's client_id is not its own URL");
            }

            if (root.TryGetProperty("token_endpoint_auth_method", out var method) && method.GetString() is { } m && m != "none")
            {
                return (null, $"its metadata document asks for token_endpoint_auth_method '{m}'; only 'none' is supported");
            }

            if (root.TryGetProperty("client_secret", out _))
            {
                return (null, "a metadata document must not carry a client_secret");
            }

            var (uris, problem) = ClientRegistrationRules.RedirectUris(root);
            if (problem is not null)
            {
                return (null, problem);
            }

            var name = root.TryGetProperty("client_name", out var n) && n.ValueKind == JsonValueKind.String ? ClientRegistrationRules.Name(n.GetString()) : null;
            return (new OAuthClient(clientId, name, uris!, null, FromMetadataDocument: true), null);
        }
        catch (JsonException)
        {
            return (null, "its metadata document is not valid JSON");
        }
    }

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Could not fetch the client ID metadata document {ClientId} ({Failure})")]
    private static partial void LogFetchFailed(ILogger logger, string clientId, string failure);
}
