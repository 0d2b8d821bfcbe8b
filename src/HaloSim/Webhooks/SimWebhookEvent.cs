namespace HaloMcp.HaloSim.Webhooks;

/// <summary>A webhook event the simulator fires (HaloPSA's notification events; the numbers are the simulator's own).</summary>
/// <param name="EventNo">Its number (<c>eventno</c>).</param>
/// <param name="Name">Its name, as HaloPSA's UI lists it where the name is known ("New Ticket Logged").</param>
/// <param name="Type">The event type batching by type groups on: <c>ticket</c>, <c>action</c>, <c>client</c> ...</param>
/// <param name="PayloadKey">The member holding the changed record in a payload.</param>
internal sealed record SimWebhookEvent(int EventNo, string Name, string Type, string PayloadKey);
