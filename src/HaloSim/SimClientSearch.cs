namespace HaloMcp.HaloSim;

/// <summary>How <c>GET /Client</c> treats a plain <c>search</c> parameter: the sources disagree (halopsa-api §11.4).</summary>
public enum SimClientSearch
{
    /// <summary>Ignored, as one peer saw on a live tenant: every client comes back; name filtering needs <c>advanced_search</c>.</summary>
    Ignored,

    /// <summary>Honoured as "name contains", as HaloPSA's API text, the PowerShell module and the OpenAPI document say.</summary>
    Honoured,
}
