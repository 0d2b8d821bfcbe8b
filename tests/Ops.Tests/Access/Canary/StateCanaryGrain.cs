namespace HaloMcp.Ops.Tests.Access.Canary;

/// <summary>Answers the state viewer with a marker, as a grain handing out its state would.</summary>
public sealed class StateCanaryGrain : Grain, IStateCanaryGrain
{
    public const string Marker = "canary-state-9d41";

    public Task<string> GetState() => Task.FromResult(Marker + ":" + this.GetPrimaryKeyString());
}
