namespace HaloMcp.HaloSim.Webhooks;

/// <summary>How a webhook authenticates to its receiver (HaloPSA's <c>authentication_type</c>).</summary>
public enum SimWebhookAuthentication
{
    /// <summary>No <c>Authorization</c> header (0).</summary>
    None = 0,

    /// <summary><c>Authorization: Basic base64(username:password)</c> (1).</summary>
    Basic = 1,
}
