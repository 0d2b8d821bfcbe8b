namespace HaloMcp.HaloSim;

/// <summary>The kinds of HaloPSA record the simulator holds, one per API collection.</summary>
public enum SimEntityKind
{
    /// <summary><c>/Tickets</c> (HaloPSA <c>Faults</c>).</summary>
    Ticket,

    /// <summary><c>/Actions</c>: notes, emails and time entries on tickets.</summary>
    Action,

    /// <summary><c>/Client</c> (HaloPSA <c>Area</c>).</summary>
    Client,

    /// <summary><c>/Site</c>.</summary>
    Site,

    /// <summary><c>/Users</c>: end-user contacts.</summary>
    User,

    /// <summary><c>/Agent</c> (HaloPSA <c>Uname</c>).</summary>
    Agent,

    /// <summary><c>/Team</c> (HaloPSA <c>SectionDetail</c>).</summary>
    Team,

    /// <summary><c>/Asset</c> (HaloPSA <c>Device</c>).</summary>
    Asset,

    /// <summary><c>/AssetType</c> (HaloPSA <c>Xtype</c>).</summary>
    AssetType,

    /// <summary><c>/TicketType</c> (HaloPSA <c>RequestType</c>).</summary>
    TicketType,

    /// <summary><c>/Status</c> (HaloPSA <c>TStatus</c>).</summary>
    Status,

    /// <summary><c>/Priority</c> (HaloPSA <c>Policy</c>): one row per SLA and priority, with a GUID <c>id</c>.</summary>
    Priority,

    /// <summary><c>/Outcome</c> (HaloPSA <c>TOutcome</c>): the action types.</summary>
    Outcome,

    /// <summary><c>/ClientContract</c> (HaloPSA <c>ContractHeader</c>).</summary>
    Contract,

    /// <summary><c>/Invoice</c> (HaloPSA <c>InvoiceHeader</c>).</summary>
    Invoice,

    /// <summary><c>/RecurringInvoice</c>: recurring invoice schedules (templates).</summary>
    RecurringInvoice,

    /// <summary><c>/Projects</c>: project tickets.</summary>
    Project,

    /// <summary><c>/Report</c> (HaloPSA <c>AnalyzerProfile</c>).</summary>
    Report,
}
