using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// The records of one simulated instance. Thread-safe: every read and write takes the instance's lock, and what
/// leaves this class is a copy. Seeded data is generated on first touch, a group of related kinds at a time, so
/// starting the host stays instant and a test pays only for the kinds it uses.
/// </summary>
public sealed class SimDataset
{
    private readonly Lock _gate = new();
    private readonly Lazy<SimTables> _tables;

    internal SimDataset(int seed, SimSizeOptions sizes, DateTime anchor)
    {
        Anchor = anchor;
        _tables = new Lazy<SimTables>(() => DatasetGenerator.Create(seed, sizes, anchor), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The instant the seeded data is relative to (UTC): the simulator clock's now when the instance started, unless
    /// <see cref="SimInstanceOptions.DataAnchor"/> fixes it. Seeded activity lies in the two years before it, so tests
    /// that pick date ranges should count from here rather than name calendar dates.
    /// </summary>
    public DateTime Anchor { get; }

    /// <summary>Generates every kind now rather than on first touch.</summary>
    internal void WarmUp() => Locked(t =>
    {
        foreach (var kind in Enum.GetValues<SimEntityKind>())
        {
            _ = t[kind];
        }

        return 0;
    });

    /// <summary>Number of records of a kind.</summary>
    public int Count(SimEntityKind kind)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            return tables[kind].Count;
        }
    }

    /// <summary>A copy of one record, or null when there is none with that id (priorities: by row number).</summary>
    public JsonObject? Get(SimEntityKind kind, int id)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            return tables.Find(kind, id)?.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of all records of a kind, in id order.</summary>
    public IReadOnlyList<JsonObject> All(SimEntityKind kind)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            return tables[kind].Values.Select(r => r.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>Copies of the records of a kind that match <paramref name="predicate"/>, in id order.</summary>
    public IReadOnlyList<JsonObject> Where(SimEntityKind kind, Func<JsonObject, bool> predicate)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            return tables[kind].Values.Where(predicate).Select(r => r.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>
    /// The revenue truth for a client: recurring and one-off totals over non-voided invoices dated in
    /// [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>), classified by line, and the monthly run-rate
    /// of the client's active (not disabled) recurring schedules.
    /// </summary>
    public SimRevenueTruth RevenueTruth(int clientId, DateTime fromInclusive, DateTime toExclusive)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            double recurring = 0, oneOff = 0, runRate = 0;
            int recurringCount = 0, oneOffCount = 0;
            foreach (var invoice in tables[SimEntityKind.Invoice].Values)
            {
                if (JsonFields.Int(invoice, "client_id") != clientId || JsonFields.Bool(invoice, "voided"))
                {
                    continue;
                }

                var date = JsonFields.Date(invoice, "invoice_date");
                if (date is null || date < fromInclusive || date >= toExclusive)
                {
                    continue;
                }

                if (JsonFields.Int(invoice, "recurring_invoice_id") > 0)
                {
                    recurringCount++;
                }
                else
                {
                    oneOffCount++;
                }

                foreach (var line in invoice["lines"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    var gross = JsonFields.Double(line, "net_amount") + JsonFields.Double(line, "tax_amount");
                    if (JsonFields.Int(line, "recurring_invoice_line_id") > 0 || JsonFields.Bool(line, "item_recurring"))
                    {
                        recurring += gross;
                    }
                    else
                    {
                        oneOff += gross;
                    }
                }
            }

            foreach (var template in tables[SimEntityKind.RecurringInvoice].Values)
            {
                if (JsonFields.Int(template, "client_id") != clientId
                    || template["schedule"] is JsonObject schedule && JsonFields.Bool(schedule, "disabled"))
                {
                    continue;
                }

                runRate += template["lines"]?.AsArray().OfType<JsonObject>().Sum(l => JsonFields.Double(l, "total_price_monthly")) ?? 0;
            }

            return new SimRevenueTruth(Math.Round(recurring, 2), Math.Round(oneOff, 2), recurringCount, oneOffCount, Math.Round(runRate, 2));
        }
    }

    /// <summary>Runs <paramref name="action"/> with exclusive access to the tables.</summary>
    internal T Locked<T>(Func<SimTables, T> action)
    {
        var tables = _tables.Value;
        lock (_gate)
        {
            return action(tables);
        }
    }
}
