using HaloMcp.Api.Ops;
using HaloMcp.Ops.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HaloMcp.Ops.Tests.Access;

/// <summary>Operators' credentials as they are configured and checked, and who may reach the pages at all.</summary>
public sealed class OpsConfigurationTests
{
    [Fact]
    public void Hash_password_prints_a_hash_that_verifies_the_password_it_read_and_no_other()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("a long operator password\n"), output, error);

        Assert.Equal(0, exit);
        var hash = OpsHost.Between(output.ToString(), "Hash: ", Environment.NewLine);
        Assert.True(OperatorPassword.IsWellFormed(hash));
        Assert.DoesNotContain("a long operator password", output.ToString(), StringComparison.Ordinal);
        OperatorOptions[] operators = [new() { Name = "ana", PasswordHash = hash }];
        Assert.Same(operators[0], OperatorPassword.Verify(operators, "ana", "a long operator password"));
        Assert.Null(OperatorPassword.Verify(operators, "ana", "a long operator passwork"));
        Assert.Null(OperatorPassword.Verify(operators, "bob", "a long operator password"));
    }

    [Fact]
    public void Hash_password_refuses_a_short_password()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, HashPasswordCommand.Run(new StringReader("short\n"), output, error));
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task A_password_configured_in_clear_stops_the_server_at_start_with_how_to_hash_it()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            OpsHost.StartAsync("--Ops:Operators:1:Name=eve", "--Ops:Operators:1:PasswordHash=hunter2hunter2"));

        Assert.Contains("Ops:Operators:1:PasswordHash is not a password hash; run 'hash-password'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("192.0.2.10", false, false)]
    [InlineData("2001:db8::1", false, false)]
    [InlineData("192.0.2.10", true, true)]
    public void Only_callers_on_this_machine_reach_the_pages_unless_remote_access_is_allowed(string address, bool allowRemote, bool mayEnter)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);

        Assert.Equal(mayEnter, OpsAccess.MayEnter(context, new OpsOptions { AllowRemote = allowRemote }));
    }

    [Theory]
    [InlineData("/ops", true)]
    [InlineData("/ops/login", true)]
    [InlineData("/dashboard/GrainState", true)]
    [InlineData("/metrics", true)]
    [InlineData("/mcp", false)]
    [InlineData("/opsx", false)]
    public void The_remote_check_covers_every_operations_path(string path, bool covered) =>
        Assert.Equal(covered, OpsAccess.IsOpsPath(path));
}
