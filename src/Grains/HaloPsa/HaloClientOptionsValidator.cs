using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>Checks at start that the HaloPSA client's timeouts leave room for what they promise.</summary>
public sealed class HaloClientOptionsValidator : IValidateOptions<HaloClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HaloClientOptions options)
    {
        List<string> failures = [];
        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("HaloPsa:AttemptTimeout must be positive (e.g. 00:00:25).");
        }

        if (options.MaxRetries > 0 && options.AttemptTimeout >= options.ReadDeadline)
        {
            failures.Add($"HaloPsa:AttemptTimeout ({options.AttemptTimeout}) must be shorter than HaloPsa:ReadDeadline ({options.ReadDeadline}), or a slow read can never be retried; e.g. 25 s attempts within a 90 s deadline.");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add("HaloPsa:MaxRetries must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
