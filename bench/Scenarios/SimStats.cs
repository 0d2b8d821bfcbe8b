namespace HaloMcp.Bench.Scenarios;

/// <summary>The simulator's counters for one instance: every request, the budgeted (<c>/api</c>) ones, and 429s.</summary>
internal sealed record SimStats(int Total, int BudgetCounted, int RateLimited)
{
    /// <summary>Token requests and anything else outside the budget.</summary>
    public int Other => Total - BudgetCounted;
}
