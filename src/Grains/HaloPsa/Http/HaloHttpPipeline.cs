using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>
/// The handlers every HaloPSA request passes, in order: admission (permit, token, API root), then the attempt timeout,
/// then the transport. The grains get them from <see cref="IHttpClientFactory"/>; a client that stands alone builds
/// them here.
/// </summary>
public static class HaloHttpPipeline
{
    /// <summary>
    /// A stand-alone pipeline for <paramref name="connection"/>: tokens from <paramref name="tokens"/>, permits from
    /// <paramref name="gate"/>, over <paramref name="transport"/> (a fresh <see cref="SocketsHttpHandler"/> by default).
    /// </summary>
    public static HttpMessageHandler Create(
        HaloConnection connection,
        IHaloTokenSource tokens,
        IHaloRequestGate gate,
        HaloClientOptions options,
        TimeProvider time,
        ILogger logger,
        HttpMessageHandler? transport = null) =>
        new TokenSourceAdmissionHandler(connection, tokens, gate, time, logger)
        {
            InnerHandler = new HaloAttemptHandler(options, time) { InnerHandler = transport ?? new SocketsHttpHandler() },
        };
}
