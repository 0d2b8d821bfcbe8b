namespace HaloMcp.HaloSim;

/// <summary>What <c>record_count</c> says on a list requested without <c>pageinate=true</c>.</summary>
public enum SimRecordCount
{
    /// <summary>The total number of matches, as with paging (n8n and PSMOD page on it).</summary>
    Total,

    /// <summary>The number of rows in this answer, as one peer saw on some calls (halopsa-api §3.1, WMCP).</summary>
    PageLength,
}
