using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>Checks <see cref="OAuthOptions"/> at start.</summary>
internal sealed class OAuthOptionsValidator : IValidateOptions<OAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthOptions options)
    {
        var errors = new List<string>();
        if (options.AccessTokenLifetimeSeconds is < 60 or > 86_400)
        {
            errors.Add("OAuth:AccessTokenLifetimeSeconds must be between 60 and 86400");
        }

        if (options.RefreshTokenLifetimeDays is < 1 or > 365)
        {
            errors.Add("OAuth:RefreshTokenLifetimeDays must be between 1 and 365");
        }

        if (options.AuthorizationCodeLifetimeSeconds is < 10 or > 600)
        {
            errors.Add("OAuth:AuthorizationCodeLifetimeSeconds must be between 10 and 600 (OAuth 2.1 asks for short-lived codes)");
        }

        if (options.ConsentLifetimeSeconds is < 60 or > 3600)
        {
            errors.Add("OAuth:ConsentLifetimeSeconds must be between 60 and 3600");
        }

        if (options.ConsentAttemptLimit <= 0 || options.RegistrationsPerAddressPerHour <= 0 || options.ClientMetadataTimeoutSeconds <= 0)
        {
            errors.Add("OAuth:ConsentAttemptLimit, OAuth:RegistrationsPerAddressPerHour and OAuth:ClientMetadataTimeoutSeconds must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
