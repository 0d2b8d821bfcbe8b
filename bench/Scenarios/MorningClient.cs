namespace HaloMcp.Bench.Scenarios;

/// <summary>The client one assistant works on through the morning, found before the measured run.</summary>
internal sealed record MorningClient(int Id, string Name, IReadOnlyList<int> OpenTickets, IReadOnlyList<int> Assets, int? UserId);
