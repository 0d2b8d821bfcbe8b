using System.Net;
using HaloMcp.Api.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace HaloMcp.Api.Tests.Hosting;

/// <summary>Secrets as files (compose secrets under /run/secrets): each file a configuration key, named as environment variables are.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "halomcp-secrets-" + Guid.NewGuid().ToString("N"));

    public SecretFilesTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_file_becomes_the_key_its_name_spells_without_its_trailing_newline()
    {
        File.WriteAllText(Path.Combine(_directory, "Orleans__SealingKey"), "c2VjcmV0LWtleQ==\n");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [SecretFilesConfigurationExtensions.DirectoryKey] = _directory });

        configuration.AddHaloSecretFiles([]);

        Assert.Equal("c2VjcmV0LWtleQ==", configuration["Orleans:SealingKey"]);
    }

    [Fact]
    public void The_command_line_still_overrides_a_secret_file()
    {
        File.WriteAllText(Path.Combine(_directory, "Orleans__ClusterId"), "from-file");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [SecretFilesConfigurationExtensions.DirectoryKey] = _directory });

        configuration.AddHaloSecretFiles(["--Orleans:ClusterId=from-args"]);

        Assert.Equal("from-args", configuration["Orleans:ClusterId"]);
    }

    [Fact]
    public void Without_SecretsDirectory_no_source_is_added()
    {
        var configuration = new ConfigurationManager();
        var sources = configuration.Sources.ToList();

        configuration.AddHaloSecretFiles([]);

        Assert.Equal(sources, configuration.Sources);
    }

    [Fact]
    public void A_missing_secrets_directory_is_no_error()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [SecretFilesConfigurationExtensions.DirectoryKey] = Path.Combine(_directory, "absent") });

        var error = Record.Exception(() => configuration.AddHaloSecretFiles([]));

        Assert.Null(error);
        Assert.Null(configuration["Orleans:SealingKey"]);
    }

    [Fact]
    public async Task The_server_reads_its_settings_from_the_secrets_directory()
    {
        File.WriteAllText(Path.Combine(_directory, "Mcp__PublicBaseUrl"), "https://mcp.example.com\n");
        await using var server = await McpTestServer.StartAsync(null, $"--SecretsDirectory={_directory}");
        using var http = server.CreateHttpClient();

        using var unauthorized = await http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: null));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"", unauthorized.Headers.WwwAuthenticate.Single().Parameter);
    }
}
