namespace HaloMcp.Grains.Tenancy;

/// <summary>How long cached data lives and how much of it results show, bound from the <c>Caching</c> configuration section.</summary>
/// <remarks>
/// Two lifetimes per kind: without webhooks a cached copy is the only thing between a change in HaloPSA and a caller,
/// so it lives briefly; a tenant whose HaloPSA posts its changes (<see cref="TenantSettings.ReceivesWebhooks"/>) has
/// every change applied as it is delivered, and the lifetime is only a net for a delivery that was lost (HaloPSA does
/// not retry one).
/// </remarks>
public sealed class ReferenceDataOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching";

    /// <summary>
    /// Reference data (statuses, ticket types, priorities, teams, agents, asset types, outcomes) without webhooks. An
    /// hour: these change rarely (an administrator's edit), while every reload spends the tenant's scarce HaloPSA
    /// budget; lower it for tenants whose configuration moves faster.
    /// </summary>
    public TimeSpan ReferenceDataTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reference data when the tenant receives webhooks, which announce every change to it.</summary>
    public TimeSpan ReferenceDataTtlWithWebhooks { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The freshness bound without webhooks: a cached ticket or client (and a ticket's actions) is never older than
    /// this when it is handed out. Its own writes replace or drop it at once.
    /// </summary>
    public TimeSpan EntityTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A cached ticket or client when the tenant receives webhooks: the bound for a change whose delivery was lost.</summary>
    public TimeSpan EntityTtlWithWebhooks { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A revenue breakdown per client and period (invoice webhooks drop it at once).</summary>
    public TimeSpan RevenueTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many actions <c>get_ticket</c> shows, newest first.</summary>
    public int TicketActionCap { get; set; } = 20;

    /// <summary>How many of those (the newest) <c>get_ticket</c> shows with their whole note; older ones show its start.</summary>
    public int TicketNotesInFull { get; set; } = 5;

    /// <summary>How many characters of an older action's note <c>get_ticket</c> shows (<c>list_actions</c> shows it all).</summary>
    public int NotePreviewLength { get; set; } = 100;

    /// <summary>How long an identical create is answered from its first result instead of being sent again.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a cached ticket or client may be handed out for a tenant that does or does not receive webhooks.</summary>
    public TimeSpan EntityMaxAge(bool receivesWebhooks) => receivesWebhooks ? EntityTtlWithWebhooks : EntityTtl;

    /// <summary>How long cached reference data may be handed out for a tenant that does or does not receive webhooks.</summary>
    public TimeSpan ReferenceMaxAge(bool receivesWebhooks) => receivesWebhooks ? ReferenceDataTtlWithWebhooks : ReferenceDataTtl;
}
