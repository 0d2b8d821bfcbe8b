using System.Net;
using HaloMcp.HaloSim;

namespace HaloMcp.HaloSim.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task Options_bind_from_the_command_line()
    {
        await using var host = await HaloSimHost.StartFromConfigurationAsync(
        [
            "--HaloSim:Instances:0:Name=alpha", "--HaloSim:Instances:0:ClientId=alpha-id", "--HaloSim:Instances:0:ClientSecret=alpha-secret",
            "--HaloSim:Instances:0:TokenLifetimeSeconds=99", "--HaloSim:Instances:0:Budget:Requests=1", "--HaloSim:Instances:0:Budget:WindowSeconds=60",
            "--HaloSim:Instances:0:Sizes:Tickets=7", "--HaloSim:Instances:0:Sizes:Actions=14", "--HaloSim:Instances:0:AllowedScopes:0=all",
            "--HaloSim:Instances:1:Name=beta", "--HaloSim:Instances:1:Seed=5",
        ]);
        Assert.Equal(["alpha", "beta"], host.Instances.Select(i => i.Name).ToArray());
        var alpha = host.Instance("alpha");
        Assert.Equal(("alpha-id", "alpha-secret"), (alpha.ClientId, alpha.ClientSecret));
        Assert.Equal(7, alpha.Data.Count(SimEntityKind.Ticket));

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var token = await http.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "alpha-id", ["client_secret"] = "alpha-secret", ["scope"] = "all",
        }));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        Assert.Equal(99, body.Int("expires_in"));
        using var first = new HttpRequestMessage(HttpMethod.Get, "api/Status");
        first.Headers.Authorization = new("Bearer", body.Str("access_token"));
        using var ok = await http.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var second = new HttpRequestMessage(HttpMethod.Get, "api/Status");
        second.Headers.Authorization = new("Bearer", body.Str("access_token"));
        using var limited = await http.SendAsync(second);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Contains("1 Requests per rolling 1 minute window", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_secret_comes_from_a_file_in_the_secrets_directory()
    {
        var secrets = Path.Combine(Path.GetTempPath(), "halosim-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(secrets);
        try
        {
            // As a compose secret arrives in the container: a file named after the key, with a trailing newline.
            File.WriteAllText(Path.Combine(secrets, "HaloSim__Instances__0__ClientSecret"), "from-a-file\n");
            await using var host = await HaloSimHost.StartFromConfigurationAsync(
                ["--HaloSim:Instances:0:Name=alpha", "--HaloSim:Instances:0:ClientId=alpha-id", $"--SecretsDirectory={secrets}"]);

            Assert.Equal("from-a-file", host.Instance("alpha").ClientSecret);
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    [Fact]
    public async Task Without_configured_instances_there_is_one_demo_instance()
    {
        await using var host = await HaloSimHost.StartAsync();
        var demo = Assert.Single(host.Instances);
        Assert.Equal(("demo", "demo-client", "demo-secret"), (demo.Name, demo.ClientId, demo.ClientSecret));
    }
}
