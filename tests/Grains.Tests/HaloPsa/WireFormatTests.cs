using System.Text;
using System.Text.Json;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Resilience;
using Microsoft.Extensions.Configuration;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData("1900-01-01T00:00:00")]
    [InlineData("1899-12-30T00:00:00")]
    [InlineData("1900-01-01T00:00:00.000")]
    [InlineData("")]
    public void Sentinel_and_empty_dates_read_as_null(string value)
    {
        var ticket = JsonSerializer.Deserialize($$"""{"id":1,"dateclosed":"{{value}}"}""", HaloJsonContext.Default.HaloTicket)!;

        Assert.Null(ticket.DateClosed);
    }

    [Fact]
    public void Naive_dates_are_utc_and_zoned_dates_are_converted()
    {
        var ticket = JsonSerializer.Deserialize(
            """{"id":1,"dateoccurred":"2026-03-02T09:14:07.213","lastactiondate":"2026-03-02T10:01:55.4+02:00"}""",
            HaloJsonContext.Default.HaloTicket)!;

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 14, 7, 213, TimeSpan.Zero), ticket.DateOccurred);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 1, 55, 400, TimeSpan.Zero), ticket.LastActionDate);
        Assert.Equal(TimeSpan.Zero, ticket.LastActionDate!.Value.Offset);
    }

    [Fact]
    public void Ids_money_and_flags_are_read_whatever_their_json_type()
    {
        var ticket = JsonSerializer.Deserialize(
            """{"id":"1041","client_id":12.0,"site_id":"","team_id":"7","agent_id":null,"timetaken":"0.75","onhold":1,"flagged":"true","unknown_field":{"deep":[1,2]}}""",
            HaloJsonContext.Default.HaloTicket)!;

        Assert.Equal(1041, ticket.Id);
        Assert.Equal(12, ticket.ClientId);
        Assert.Equal(0, ticket.SiteId);
        Assert.Equal(7, ticket.TeamId);
        Assert.Equal(0, ticket.AgentId);
        Assert.Equal(0.75, ticket.TimeTaken);
        Assert.True(ticket.OnHold);
        Assert.True(ticket.Flagged);
    }

    [Fact]
    public void Optional_fields_are_null_when_absent()
    {
        var invoice = JsonSerializer.Deserialize("""{"id":5,"total":10.5,"lines":[{"id":1,"ihid":5}]}""", HaloJsonContext.Default.HaloInvoice)!;

        Assert.Null(invoice.InvoiceTotals);
        Assert.Null(invoice.Lines![0].ItemRecurring);
        Assert.Null(JsonSerializer.Deserialize("""{"id":2}""", HaloJsonContext.Default.HaloTicket)!.TeamId);
    }

    [Fact]
    public void Priority_ids_are_guid_strings()
    {
        var priority = JsonSerializer.Deserialize(
            """{"id":"3f1c2a8e-0000-4000-8000-000000000001","slaid":1,"priorityid":3,"name":"Medium"}""", HaloJsonContext.Default.HaloPriority)!;

        Assert.Equal("3f1c2a8e-0000-4000-8000-000000000001", priority.Id);
        Assert.Equal(3, priority.PriorityId);
    }

    [Theory]
    [InlineData("""[{"id":1,"name":"New"},{"id":9,"name":"Closed"}]""", null)]
    [InlineData("""{"record_count":2,"statuses":[{"id":1,"name":"New"},{"id":9,"name":"Closed"}]}""", 2)]
    [InlineData("""{"record_count":2,"columns":[],"whatever":[{"id":1,"name":"New"},{"id":9,"name":"Closed"}]}""", 2)]
    public void Lists_read_bare_arrays_and_envelopes_alike(string body, int? recordCount)
    {
        var (items, count) = HaloListReader.Read(Encoding.UTF8.GetBytes(body), "statuses", HaloJsonContext.Default.HaloStatus);

        Assert.Equal([1, 9], items.Select(s => s.Id));
        Assert.Equal(recordCount, count);
    }

    [Theory]
    [InlineData("""{"id":7,"summary":"x"}""")]
    [InlineData("""[{"id":7,"summary":"x"}]""")]
    [InlineData("""{"tickets":[{"id":7,"summary":"x"}]}""")]
    public void A_single_record_is_found_in_an_object_array_or_envelope(string body)
    {
        using var document = JsonDocument.Parse(body);

        var element = HaloListReader.FindSingle(document.RootElement);

        Assert.Equal(7, element!.Value.Deserialize(HaloJsonContext.Default.HaloTicket)!.Id);
    }

    [Theory]
    [InlineData("""{"ClassName":"System.Exception","Message":"CODE:APP03/2 Please select the CAB members to approve"}""", "CODE:APP03/2 Please select the CAB members to approve")]
    [InlineData("""{"resultCode":1,"errorMessage":"details required"}""", "details required")]
    [InlineData("""{"message":"An Outcome must be entered for this Action"}""", "An Outcome must be entered for this Action")]
    [InlineData("""{"error":"Rate Limit Reached - 300 Requests per rolling 5 minute window"}""", "Rate Limit Reached - 300 Requests per rolling 5 minute window")]
    [InlineData("""{"[0].id":"The id is invalid"}""", "[0].id: The id is invalid")]
    [InlineData("plain words", "plain words")]
    [InlineData("<html><body>502</body></html>", null)]
    public void Error_bodies_of_every_known_shape_yield_the_message(string body, string? expected)
    {
        Assert.Equal(expected, HaloErrorBody.ExtractMessage(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("Rate Limit Reached - 300 Requests per rolling 5 minute window", 300)]
    [InlineData("500 requests per 3-minute rolling window", 180)]
    [InlineData("700 requests per rolling 1 hour window", 3600)]
    [InlineData("Too many requests", null)]
    public void The_rolling_window_named_in_a_429_message_becomes_the_retry_after(string message, int? seconds)
    {
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), HaloRetryAfter.FromMessage(message));
    }

    [Fact]
    public void Options_bind_from_the_HaloPsa_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HaloPsa:AttemptTimeout"] = "00:00:05",
            ["HaloPsa:ReadDeadline"] = "00:01:00",
            ["HaloPsa:MaxRetries"] = "2",
            ["HaloPsa:BaseDelay"] = "00:00:00.250",
            ["HaloPsa:TokenRefreshMargin"] = "00:05:00",
        }).Build();

        var options = configuration.GetSection(HaloClientOptions.SectionName).Get<HaloClientOptions>()!;

        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.ReadDeadline);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.BaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TokenRefreshMargin);
    }

    [Fact]
    public void Token_url_defaults_to_the_web_app_auth_path_and_carries_the_tenant()
    {
        var selfHosted = new HaloConnection("https://halo.example.com/", "id", "secret");
        var hosted = new HaloConnection("https://acme.halopsa.com", "id", "secret", AuthUrl: "https://auth.haloservicedesk.com/", Tenant: "acme");

        Assert.Equal("https://halo.example.com/auth/token", selfHosted.TokenUri.ToString());
        Assert.Equal("https://halo.example.com/api/", selfHosted.ApiBaseUri.ToString());
        Assert.Equal("https://auth.haloservicedesk.com/token?tenant=acme", hosted.TokenUri.ToString());
        Assert.DoesNotContain("secret", hosted.ToString(), StringComparison.Ordinal);
    }
}
