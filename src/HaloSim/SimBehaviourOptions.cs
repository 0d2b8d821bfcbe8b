namespace HaloMcp.HaloSim;

/// <summary>
/// Contested HaloPSA behaviours, one switch each, per instance: where the sources disagree, the simulator offers every
/// reading so a client can prove it copes with each. The defaults are the reading the evidence favours
/// (halopsa-api §10, §11). Settable in configuration (<c>Behaviours</c>), in-process through
/// <see cref="SimInstance.Behaviours"/>, and at run time through <c>POST /_sim/behaviours/{instance}</c>.
/// </summary>
public sealed class SimBehaviourOptions
{
    /// <summary>Plain <c>search</c> on <c>/Client</c> (§11.4).</summary>
    public SimClientSearch ClientSearch { get; set; } = SimClientSearch.Ignored;

    /// <summary>The answer of <c>GET /X/{id}</c> (§10, "Single GET").</summary>
    public SimRecordShape SingleRecordGet { get; set; } = SimRecordShape.Bare;

    /// <summary>The answer of a one-element <c>POST /X</c> (§5, §10 "POST response").</summary>
    public SimRecordShape SingleRecordPost { get; set; } = SimRecordShape.Bare;

    /// <summary>The <c>/RecurringInvoice</c> list: PSMOD's <c>invoices</c> envelope, or PROV's bare list (§3.2).</summary>
    public SimListShape RecurringInvoiceList { get; set; } = SimListShape.Envelope;

    /// <summary>
    /// <c>/Agent</c> with <c>pageinate=true</c>: the bare array of every agent (paging ignored, as n8n and PYH read it),
    /// or the 2025-09 spec's paging in an <c>agents</c> envelope as ASN assumes (§3.2).
    /// </summary>
    public SimListShape AgentListWhenPaged { get; set; } = SimListShape.BareArray;

    /// <summary><c>record_count</c> on enveloped lists requested without <c>pageinate=true</c> (§3.1).</summary>
    public SimRecordCount RecordCountWithoutPaging { get; set; } = SimRecordCount.Total;

    internal SimBehaviourOptions Copy() => (SimBehaviourOptions)MemberwiseClone();

    internal void CopyFrom(SimBehaviourOptions other)
    {
        ClientSearch = other.ClientSearch;
        SingleRecordGet = other.SingleRecordGet;
        SingleRecordPost = other.SingleRecordPost;
        RecurringInvoiceList = other.RecurringInvoiceList;
        AgentListWhenPaged = other.AgentListWhenPaged;
        RecordCountWithoutPaging = other.RecordCountWithoutPaging;
    }
}
