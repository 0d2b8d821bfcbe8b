using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloMcp.Api.Tenancy;
using HaloMcp.Api.Tests.Support;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Tests;

public sealed class TenantAuthTests : HttpServerTest
{
    [Theory]
    [InlineData(null)]
    [InlineData("hmk_not-a-key")]
    [InlineData("")]
    public async Task Missing_or_unknown_key_gets_401_with_a_resource_metadata_challenge(string? key)
    {
        var request = RawMcp.Post(RawMcp.ListTools, apiKey: null);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"resource_metadata=\"{Server.BaseUrl.GetLeftPart(UriPartial.Authority)}/.well-known/oauth-protected-resource/mcp\"", challenge.Parameter);
    }

    [Fact]
    public async Task Key_with_a_different_scheme_is_not_accepted()
    {
        var request = RawMcp.Post(RawMcp.ListTools, apiKey: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", TenantFile.AcmeKey);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Protected_resource_metadata_is_served()
    {
        using var response = await Http.GetAsync(new Uri("/.well-known/oauth-protected-resource/mcp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"{Server.BaseUrl.GetLeftPart(UriPartial.Authority)}/mcp", document.RootElement.GetProperty("resource").GetString());
        Assert.Equal("header", document.RootElement.GetProperty("bearer_methods_supported")[0].GetString());
    }

    [Fact]
    public async Task The_McpClient_sees_401_for_a_wrong_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectAsync("hmk_wrong"));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tenants_interleaved_only_ever_see_their_own_data()
    {
        await using var acme = await Server.ConnectAsync(TenantFile.AcmeKey);
        await using var globex = await Server.ConnectAsync(TenantFile.GlobexKey, "2025-06-18");

        var calls = Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            Call(acme, "acme", i),
            Call(globex, "globex", i),
        });
        var results = await Task.WhenAll(calls);

        Assert.Equal(200, results.Length);
        Assert.All(results, r => Assert.Equal($"{r.Tenant}|data-of-{r.Tenant}|{r.Sequence}", r.Text));

        static async Task<(string Tenant, int Sequence, string Text)> Call(McpClient client, string tenant, int sequence)
        {
            var result = await client.CallToolAsync("test_tenant_data", new Dictionary<string, object?> { ["sequence"] = sequence });
            return (tenant, sequence, ((TextContentBlock)result.Content.Single()).Text);
        }
    }

    [Fact]
    public async Task The_tenant_directory_serves_configured_tenants_to_grains()
    {
        var directory = Server.App.Services.GetRequiredService<ITenantDirectory>();

        var acme = directory.Find("acme");
        var globex = directory.Find("globex");

        Assert.NotNull(acme);
        Assert.Equal(new Uri("https://acme.halopsa.com"), acme.HaloBaseUrl);
        Assert.Equal(TenantFile.AcmeSecret, acme.ClientSecret);
        Assert.Equal("acme", acme.HaloTenant);
        Assert.Equal(RequestBudget.Default, acme.EffectiveBudget);
        Assert.NotNull(globex);
        Assert.Equal(TenantFile.GlobexSecret, globex.ClientSecret);
        Assert.Equal(new RequestBudget(500, TimeSpan.FromSeconds(180)), globex.EffectiveBudget);
        Assert.Null(directory.Find("initech"));
    }

    [Fact]
    public async Task Reload_picks_up_a_new_key_without_restart()
    {
        const string newKey = "hmk_acme-rotated-key-2222222222222222222";
        var catalog = Server.App.Services.GetRequiredService<TenantCatalog>();
        var reloaded = WhenChanged(catalog.GetReloadToken());

        var tenants = Server.Tenants.DefaultTenants();
        tenants[0] = TenantFile.Tenant("acme", "https://acme.halopsa.com", TenantFile.AcmeSecret, [TenantFile.AcmeKey, newKey]);
        tenants.Add(TenantFile.Tenant("initech", "https://initech.halopsa.com", "initech-secret", ["hmk_initech-key-3333333333333333333"]));
        Server.Tenants.Write(tenants);
        await reloaded.WaitAsync(TimeSpan.FromSeconds(30));

        await using var client = await Server.ConnectAsync(newKey);
        var result = await client.CallToolAsync("test_tenant_data", new Dictionary<string, object?> { ["sequence"] = 1 });
        Assert.Equal("acme|data-of-acme|1", ((TextContentBlock)result.Content.Single()).Text);
        Assert.NotNull(Server.App.Services.GetRequiredService<ITenantDirectory>().Find("initech"));
    }

    [Fact]
    public async Task An_invalid_reload_is_rejected_and_the_previous_catalog_stays()
    {
        var catalog = Server.App.Services.GetRequiredService<TenantCatalog>();
        var tenants = Server.Tenants.DefaultTenants();
        tenants[0]!["HaloUrl"] = "not a url";
        tenants[0]!["ClientSecret"] = null;

        Server.Tenants.Write(tenants);
        var log = (await Server.Logs.WaitForAsync(l => l.EventId.Id == 1200).WaitAsync(TimeSpan.FromSeconds(30))).Message;

        Assert.Contains("Tenants[0] ('acme'): HaloUrl", log, StringComparison.Ordinal);
        Assert.Contains("no client secret", log, StringComparison.Ordinal);
        Assert.Equal(2, catalog.Count);
        await using var client = await Server.ConnectAsync(TenantFile.AcmeKey);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task A_malformed_file_is_not_applied_and_a_later_fix_is()
    {
        const string newKey = "hmk_after-the-fix-5555555555555555555555";
        var catalog = Server.App.Services.GetRequiredService<TenantCatalog>();

        await File.WriteAllTextAsync(Server.Tenants.Path, "{ \"Tenants\": [ { \"Id\": ");
        await Server.Logs.WaitForAsync(l => l.EventId.Id == 1203).WaitAsync(TimeSpan.FromSeconds(30));
        await using (var client = await Server.ConnectAsync(TenantFile.AcmeKey))
        {
            Assert.NotEmpty(await client.ListToolsAsync());
        }

        var reloaded = WhenChanged(catalog.GetReloadToken());
        var tenants = Server.Tenants.DefaultTenants();
        tenants[0] = TenantFile.Tenant("acme", "https://acme.halopsa.com", TenantFile.AcmeSecret, [newKey]);
        Server.Tenants.Write(tenants);
        await reloaded.WaitAsync(TimeSpan.FromSeconds(30));

        await using var fixedClient = await Server.ConnectAsync(newKey);
        Assert.NotEmpty(await fixedClient.ListToolsAsync());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectAsync(TenantFile.AcmeKey));
        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    private static Task WhenChanged(IChangeToken token)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.RegisterChangeCallback(_ => changed.TrySetResult(), null);
        return changed.Task;
    }
}
