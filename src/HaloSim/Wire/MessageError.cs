namespace HaloMcp.HaloSim.Wire;

/// <summary>The <c>{"Message":"..."}</c> body of 401 and 403 answers.</summary>
internal sealed record MessageError(string Message);
