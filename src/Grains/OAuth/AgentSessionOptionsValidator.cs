using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.OAuth;

/// <summary>Checks <see cref="AgentSessionOptions.TokenKey"/> at start.</summary>
public sealed class AgentSessionOptionsValidator : IValidateOptions<AgentSessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentSessionOptions options) =>
        options.TokenKey is null || AgentTokenProtector.TryDecodeKey(options.TokenKey) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("AgentSessions:TokenKey must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
}
