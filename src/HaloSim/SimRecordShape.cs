namespace HaloMcp.HaloSim;

/// <summary>How one record is answered on its own (a GET by id, or a one-element POST).</summary>
public enum SimRecordShape
{
    /// <summary>The bare object, as n8n, PROV's live test, PSMOD and PYH read it (halopsa-api §10).</summary>
    Bare,

    /// <summary>
    /// Wrapped in the collection's list key with a one-element array (<c>{"tickets":[{...}]}</c>), as the WYRE/ASN SDK
    /// assumes (halopsa-api §10, peer-landscape §6 #10). Collections whose lists are bare arrays keep the bare object.
    /// </summary>
    Enveloped,
}
