using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Ops.Tests.Access.Canary;
using HaloMcp.Ops.Tests.Support;
using HaloMcp.Silo.Ops;

namespace HaloMcp.Ops.Tests.Access;

/// <summary>
/// The dashboard's grain-details page activates any grain from a typed-in id and shows what its parameterless methods
/// return when they return the grain's persisted state type, or are named <c>GetState</c>. None of ours may answer it.
/// </summary>
public sealed class GrainDetailsTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly Assembly[] OurGrainAssemblies = [typeof(TenantGrain).Assembly, typeof(TenantActivityAggregator).Assembly];

    public static TheoryData<string> OurGrainTypes() => [.. GrainClasses().Select(t => t.FullName!)];

    [Fact]
    public void No_grain_interface_of_ours_has_a_method_the_state_viewer_would_call()
    {
        Assert.NotEmpty(GrainClasses());
        var callable = GrainClasses()
            .SelectMany(c => c.GetInterfaces().Where(i => OurGrainAssemblies.Contains(i.Assembly) || i.Namespace?.StartsWith("HaloMcp", StringComparison.Ordinal) == true))
            .Distinct()
            .SelectMany(i => i.GetMethods().Where(m => m.GetParameters().Length == 0 && typeof(Task).IsAssignableFrom(m.ReturnType)).Select(m => $"{i.Name}.{m.Name}"))
            .ToList();

        // Every method of ours takes at least the caller's CancellationToken: keep it so, or the dashboard can call it.
        Assert.Empty(callable);
    }

    [Theory]
    [MemberData(nameof(OurGrainTypes))]
    public async Task The_grain_details_page_gets_nothing_from_a_grain_of_ours_holding_a_tenant_s_data(string grainType)
    {
        var host = fixture.Host;
        await host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        await host.CallToolAsync(OpsHost.AcmeKey, "halopsa_get_ticket", """{"ticket_id":3}""");
        using var client = await host.LoggedInClientAsync();
        var type = GrainClasses().Single(t => t.FullName == grainType);

        using var response = await client.GetAsync($"/dashboard/GrainState?grainId={Uri.EscapeDataString(IdFor(type))}&grainType={Uri.EscapeDataString(grainType)}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(await StateAsync(client, type, IdFor(type)), property => Assert.Equal("error", property.Key));
        Assert.DoesNotContain(OpsHost.AcmeSecret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("summary", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_state_viewer_does_show_a_grain_that_answers_it()
    {
        // Without this, "nothing shown" above could mean the viewer shows nothing at all.
        using var client = await fixture.Host.LoggedInClientAsync();

        var state = await StateAsync(client, typeof(StateCanaryGrain), "acme");

        Assert.Equal(StateCanaryGrain.Marker + ":acme", (string?)state["GetState"]);
    }

    // The dashboard answers its JSON serialised once more, as a JSON string.
    private static async Task<JsonObject> StateAsync(HttpClient client, Type grain, string id)
    {
        var body = await client.GetStringAsync($"/dashboard/GrainState?grainId={Uri.EscapeDataString(id)}&grainType={Uri.EscapeDataString(grain.FullName!)}");
        return Assert.IsType<JsonObject>(JsonNode.Parse(JsonNode.Parse(body)!.GetValue<string>()));
    }

    private static IEnumerable<Type> GrainClasses() =>
        OurGrainAssemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));

    // The dashboard parses the id by the grain's key kind: "id,extension" for compound keys.
    private static string IdFor(Type grain) =>
        typeof(IGrainWithIntegerCompoundKey).IsAssignableFrom(grain) ? "3,acme"
        : typeof(IGrainWithGuidCompoundKey).IsAssignableFrom(grain) ? Guid.Empty + ",acme"
        : typeof(IGrainWithIntegerKey).IsAssignableFrom(grain) ? "0"
        : typeof(IGrainWithGuidKey).IsAssignableFrom(grain) ? Guid.Empty.ToString()
        : "acme";
}
