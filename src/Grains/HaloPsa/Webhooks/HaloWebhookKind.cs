namespace HaloMcp.Grains.HaloPsa.Webhooks;

/// <summary>What a webhook occurrence is about, as far as HaloMcp's caches go.</summary>
public enum HaloWebhookKind
{
    /// <summary>A ticket (or project) was logged, changed or deleted.</summary>
    Ticket,

    /// <summary>An action of a ticket was added, changed or deleted.</summary>
    Action,

    /// <summary>A client was created, changed or deleted.</summary>
    Client,

    /// <summary>A site of a client was created, changed or deleted.</summary>
    Site,

    /// <summary>An invoice or a recurring invoice was created, changed or deleted.</summary>
    Invoice,

    /// <summary>Reference data changed (<see cref="HaloWebhookOccurrence.Reference"/> says which).</summary>
    Reference,

    /// <summary>An end user was created, changed or deleted.</summary>
    User,

    /// <summary>An asset was created, changed or deleted.</summary>
    Asset,

    /// <summary>A kind HaloMcp keeps nothing of (contracts, reports, and kinds it does not know).</summary>
    Other,
}
