using System.Net;
using HaloMcp.Api.Ops;
using HaloMcp.Ops.Tests.Support;

namespace HaloMcp.Ops.Tests.Access;

/// <summary>Failed logins from one address make it wait, before any password is looked at.</summary>
public sealed class LoginThrottleTests
{
    [Fact]
    public async Task After_the_failure_limit_even_the_right_password_waits_and_no_login_cookie_is_issued()
    {
        await using var host = await OpsHost.StartAsync("--Mcp:AuthFailureLimit=3", "--Mcp:AuthFailureWindowSeconds=600");
        using var client = host.Client();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await OpsHost.LogInAsync(client, OpsHost.OperatorName, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await OpsHost.LogInAsync(client, OpsHost.OperatorName, OpsHost.OperatorPassword);

        Assert.Equal((HttpStatusCode)429, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed attempts", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(OpsAuthentication.CookieName + "=", StringComparison.Ordinal)));
    }
}
