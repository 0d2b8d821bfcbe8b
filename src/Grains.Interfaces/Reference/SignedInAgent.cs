namespace HaloMcp.Grains.Reference;

/// <summary>The HaloPSA agent a sign-in turned out to be (HaloPSA's <c>/Agent/me</c>).</summary>
/// <param name="AgentId">The agent id.</param>
/// <param name="Name">The agent's name.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.SignedInAgent")]
public sealed record SignedInAgent(int AgentId, string Name);
