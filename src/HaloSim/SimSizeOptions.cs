namespace HaloMcp.HaloSim;

/// <summary>How many records of each kind the seeded dataset holds.</summary>
public sealed class SimSizeOptions
{
    /// <summary>
    /// A small dataset (a dozen clients, 150 tickets, 120 invoices ...) that generates in milliseconds: what tests
    /// should use unless they measure volume. The defaults are sized like a mid-size MSP and take a second or two.
    /// </summary>
    public static SimSizeOptions Small() => new()
    {
        Clients = 12, Sites = 24, Users = 60, Tickets = 150, Actions = 450, Assets = 60, Contracts = 12,
        Invoices = 120, RecurringInvoices = 20, Agents = 6, Teams = 4, Projects = 6, Reports = 12,
    };

    /// <summary>Customers (<c>/Client</c>).</summary>
    public int Clients { get; set; } = 200;

    /// <summary>Sites (<c>/Site</c>), spread over the clients.</summary>
    public int Sites { get; set; } = 600;

    /// <summary>End-user contacts (<c>/Users</c>).</summary>
    public int Users { get; set; } = 2000;

    /// <summary>Tickets (<c>/Tickets</c>).</summary>
    public int Tickets { get; set; } = 5000;

    /// <summary>Ticket actions (<c>/Actions</c>).</summary>
    public int Actions { get; set; } = 20000;

    /// <summary>Assets (<c>/Asset</c>).</summary>
    public int Assets { get; set; } = 3000;

    /// <summary>Client contracts (<c>/ClientContract</c>).</summary>
    public int Contracts { get; set; } = 300;

    /// <summary>Invoices (<c>/Invoice</c>).</summary>
    public int Invoices { get; set; } = 2000;

    /// <summary>Recurring invoice schedules (<c>/RecurringInvoice</c>).</summary>
    public int RecurringInvoices { get; set; } = 300;

    /// <summary>Agents (<c>/Agent</c>).</summary>
    public int Agents { get; set; } = 20;

    /// <summary>Teams (<c>/Team</c>).</summary>
    public int Teams { get; set; } = 6;

    /// <summary>Projects (<c>/Projects</c>).</summary>
    public int Projects { get; set; } = 60;

    /// <summary>Saved reports (<c>/Report</c>).</summary>
    public int Reports { get; set; } = 25;
}
