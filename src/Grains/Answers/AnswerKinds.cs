namespace HaloMcp.Grains.Answers;

/// <summary>
/// The kinds of HaloPSA record a cached list or search answer shows (its rows, or names it carries). A change to a
/// record of a kind drops every answer tagged with it: HaloPSA's webhooks and write answers say which record changed,
/// never which lists it belongs to.
/// </summary>
[Flags]
[GenerateSerializer, Alias("halo.Answers.AnswerKinds")]
public enum AnswerKinds
{
    /// <summary>No kind.</summary>
    None = 0,

    /// <summary>Tickets (their rows show status, priority, agent and last action, so actions count too).</summary>
    Tickets = 1,

    /// <summary>Clients (their names appear in ticket, site, user and asset rows as well).</summary>
    Clients = 2,

    /// <summary>Sites.</summary>
    Sites = 4,

    /// <summary>End users.</summary>
    Users = 8,

    /// <summary>Assets.</summary>
    Assets = 16,

    /// <summary>Every kind.</summary>
    All = Tickets | Clients | Sites | Users | Assets,
}
