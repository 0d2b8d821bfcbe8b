namespace HaloMcp.Grains.Tests.HaloPsa;

/// <summary>Where the client tests' fake clocks start.</summary>
internal static class HaloRigClock
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
}
