using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

public sealed class RevenueTests
{
    private static async Task<List<JsonObject>> AllPages(SimTestHost sim, string token, string path, string key)
    {
        var rows = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var body = await sim.GetJsonAsync($"{path}&pageinate=true&page_size=100&page_no={page}", token);
            rows.AddRange(body.Items(key));
            if (rows.Count >= body.Int("record_count"))
            {
                return rows;
            }
        }
    }

    [Fact]
    public async Task Revenue_truth_equals_what_the_wire_data_says()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.Sizes.Invoices = 400));
        var token = await sim.TokenAsync();
        // Fifteen whole months ending four months before the month the data ends in.
        var anchor = sim.Demo.Data.Anchor;
        var to = new DateTime(anchor.Year, anchor.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-4);
        var from = to.AddMonths(-15);
        var invoices = sim.Demo.Data.All(SimEntityKind.Invoice);
        Assert.Contains(invoices, i => !i.ContainsKey("invoice_totals"));
        Assert.Contains(invoices, i => i.Bool("voided"));
        Assert.Contains(invoices, i => i["lines"]!.AsArray().Any(l => l!.Bool("item_recurring")) && i["lines"]!.AsArray().Any(l => l!.Bool("onetimecharge")));

        var clients = invoices.GroupBy(i => i.Field("client_id")).OrderByDescending(g => g.Count()).Take(4).Select(g => g.Key).ToList();
        foreach (var clientId in clients)
        {
            var wire = await AllPages(sim, token, $"api/Invoice?client_id={clientId}&includelines=true&invoicedatestart={from:yyyy-MM-dd}&invoicedateend={to.AddDays(-1):yyyy-MM-dd}", "invoices");
            double recurring = 0, oneOff = 0;
            int recurringCount = 0, oneOffCount = 0;
            foreach (var invoice in wire.Where(i => !i.Bool("voided")))
            {
                var date = DateTime.Parse(invoice.Str("invoice_date"), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(date, from, to.AddTicks(-1));
                if (invoice.Int("recurring_invoice_id") > 0)
                {
                    recurringCount++;
                }
                else
                {
                    oneOffCount++;
                }

                if (invoice["invoice_totals"] is JsonObject totals)
                {
                    recurring += totals.Dbl("recurringTotal");
                    oneOff += totals.Dbl("nonRecurringTotal");
                    Assert.Equal(invoice.Dbl("total"), totals.Dbl("recurringTotal") + totals.Dbl("nonRecurringTotal"), tolerance: 0.011);
                }
                else
                {
                    foreach (var line in invoice["lines"]!.AsArray().Select(l => l!.AsObject()))
                    {
                        var gross = line.Dbl("net_amount") + line.Dbl("tax_amount");
                        if (line.Int("recurring_invoice_line_id") > 0)
                        {
                            recurring += gross;
                        }
                        else
                        {
                            Assert.True(line.Bool("onetimecharge"));
                            oneOff += gross;
                        }
                    }
                }
            }

            var schedules = await AllPages(sim, token, $"api/RecurringInvoice?client_id={clientId}&includelines=true", "invoices");
            var runRate = schedules.Where(s => !s["schedule"]!.Bool("disabled")).Sum(s => s["invoice_totals"]!.Dbl("recurringMonthlyTotal"));

            var truth = sim.Demo.Data.RevenueTruth(clientId, from, to);
            Assert.True(truth.RecurringInvoiceCount + truth.OneOffInvoiceCount > 0);
            Assert.Equal(truth.RecurringTotal, recurring, tolerance: 0.01);
            Assert.Equal(truth.NonRecurringTotal, oneOff, tolerance: 0.01);
            Assert.Equal(truth.RecurringInvoiceCount, recurringCount);
            Assert.Equal(truth.OneOffInvoiceCount, oneOffCount);
            Assert.Equal(truth.RecurringMonthlyRunRate, runRate, tolerance: 0.01);
        }
    }

    [Fact]
    public async Task Generated_invoices_reference_their_schedule_lines()
    {
        await using var sim = await SimTestHost.StartAsync();
        var schedules = sim.Demo.Data.All(SimEntityKind.RecurringInvoice).ToDictionary(s => s.Field("id"));
        var generated = sim.Demo.Data.All(SimEntityKind.Invoice).Where(i => i.Field("recurring_invoice_id") > 0).ToList();
        Assert.NotEmpty(generated);
        foreach (var invoice in generated)
        {
            var schedule = schedules[invoice.Field("recurring_invoice_id")];
            Assert.Equal(schedule.Field("client_id"), invoice.Field("client_id"));
            var lineIds = schedule["lines"]!.AsArray().Select(l => l!.AsObject().Field("id")).ToHashSet();
            Assert.All(invoice["lines"]!.AsArray().Select(l => l!.AsObject()).Where(l => l.Bool("item_recurring")),
                l => Assert.Contains(l.Field("recurring_invoice_line_id"), lineIds));
        }
    }
}
