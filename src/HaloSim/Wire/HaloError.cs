namespace HaloMcp.HaloSim.Wire;

/// <summary>HaloPSA's serialised .NET exception body used for 400/404/500 (<c>{"ClassName":"System.Exception","Message":"..."}</c>).</summary>
internal sealed record HaloError(string ClassName, string Message);
