using System.Text;
using HaloMcp.Grains.Webhooks;
using HaloMcp.HaloSim.Webhooks;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// A grain-layer rig whose tenant <c>acme</c> receives webhooks: the simulator's profile forms a delivery for every
/// event, its receiver URL answers nothing, and <see cref="ApplyNewAsync"/> hands each body to the webhook grain as the
/// Api's receiver would (a delivery not handed over is a lost one).
/// </summary>
public static class WebhookRig
{
    /// <summary>The freshness bound of a tenant with webhooks in these rigs (without: 30 s).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    // Delivery ids are GUIDs, so one set serves every test.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Handed = new(StringComparer.Ordinal);

    /// <summary>Starts the rig with <c>acme</c> receiving webhooks, batched as <paramref name="batching"/> says.</summary>
    public static async Task<GrainLayerRig> StartAsync(SimWebhookBatching batching = SimWebhookBatching.None)
    {
        var rig = await GrainLayerRig.StartAsync(o => o.Caching = c =>
        {
            c.EntityTtl = TimeSpan.FromSeconds(30);
            c.EntityTtlWithWebhooks = Bound;
        });
        rig.Tenants.Add(GrainLayerRig.SettingsFor(rig.Sim, "acme", rig.Instances[0]) with { ReceivesWebhooks = true });
        rig.Instance("acme").Webhooks.Configure(
        [
            new SimWebhookOptions
            {
                Name = "HaloMcp", Url = "http://127.0.0.1:9/webhooks/halopsa/acme", BatchMethod = batching,
                BatchDelaySeconds = batching == SimWebhookBatching.None ? 0 : 5,
            },
        ]);
        return rig;
    }

    /// <summary>Hands the deliveries not handed yet to the webhook grain and adds up what they changed.</summary>
    public static async Task<WebhookReceipt> ApplyNewAsync(GrainLayerRig rig)
    {
        var webhooks = rig.Grains.GetGrain<IWebhookGrain>("acme");
        var total = new WebhookReceipt(0, 0, 0);
        foreach (var delivery in rig.Instance("acme").Webhooks.Deliveries.Where(d => d.State != SimWebhookDeliveryState.Dropped && Handed.TryAdd(d.Id, true)))
        {
            var receipt = await webhooks.ApplyAsync(new WebhookDelivery(Encoding.UTF8.GetBytes(delivery.RequestBody)), default);
            total = new WebhookReceipt(total.Occurrences + receipt.Occurrences, total.Applied + receipt.Applied, total.Ignored + receipt.Ignored);
        }

        return total;
    }
}
