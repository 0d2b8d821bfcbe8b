using HaloMcp.Grains.OAuth;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// No log line of a whole sign-in (both ways), token exchange, refresh and revocation carries a token, a code, a PKCE
/// verifier, a client secret, an API key or the agent's HaloPSA tokens.
/// </summary>
public sealed class OAuthSecretHygieneTests(OAuthHostFixture fixture) : IClassFixture<OAuthHostFixture>
{
    [Fact]
    public async Task No_log_line_carries_a_token_code_verifier_secret_or_key()
    {
        var host = fixture.Host;
        List<string> secrets = [OAuthHost.AlphaKey];
        using var browser = host.Browser();

        var registration = await browser.RegisterAsync(method: "client_secret_post");
        secrets.Add(registration["client_secret"]!.GetValue<string>());
        var (clientId, keyTokens) = await browser.SignInWithKeyAsync(OAuthHost.AlphaKey);
        secrets.AddRange([keyTokens.Access, keyTokens.Refresh]);
        var refreshed = await browser.RefreshAsync(clientId, keyTokens.Refresh);
        secrets.AddRange([refreshed.Access, refreshed.Refresh]);

        var agentClient = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        using var back = await browser.SignInWithHaloAsync(agentClient, challenge, "alpha", 2);
        var code = OAuthBrowser.ReadRedirect(back).Code!;
        secrets.AddRange([code, verifier]);
        var agentTokens = await browser.ExchangeAsync(agentClient, code, verifier);
        secrets.AddRange([agentTokens.Access, agentTokens.Refresh]);
        await using (var client = await host.ConnectAsync(agentTokens.Access))
        {
            await client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = 2 });
        }

        var grantId = agentTokens.Access[4..agentTokens.Access.IndexOf('.', StringComparison.Ordinal)];
        var stored = (await host.Grains.GetGrain<IAgentSessionGrain>(grantId).GetAsync(CancellationToken.None))!;
        var protector = (AgentTokenProtector)host.App.Services.GetService(typeof(AgentTokenProtector))!;
        secrets.Add(protector.Unprotect(grantId, "halopsa-access", stored.ProtectedAccessToken)!);
        secrets.Add(protector.Unprotect(grantId, "halopsa-refresh", stored.ProtectedRefreshToken!)!);
        await browser.RevokeAsync(agentClient, agentTokens.Refresh);

        var lines = host.Logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));

            // Nor the random part alone (a token's grant id is not secret; the rest is).
            var dot = secret.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                Assert.DoesNotContain(lines, line => line.Contains(secret[(dot + 1)..], StringComparison.Ordinal));
            }
        }
    }
}
