using HaloMcp.Api.Auth;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Ops;

/// <summary>Refuses operators and scrape keys that could not work, saying how to make ones that do.</summary>
internal sealed class OpsOptionsValidator : IValidateOptions<OpsOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Operators.Count; i++)
        {
            var op = options.Operators[i];
            if (string.IsNullOrWhiteSpace(op.Name))
            {
                failures.Add($"Ops:Operators:{i}:Name is empty; give every operator the name they log in with.");
            }

            if (!OperatorPassword.IsWellFormed(op.PasswordHash))
            {
                failures.Add($"Ops:Operators:{i}:PasswordHash is not a password hash; run 'hash-password' and paste the hash it prints (never the password itself).");
            }
        }

        foreach (var duplicate in options.Operators.GroupBy(o => o.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Ops:Operators names '{duplicate.Key}' more than once; operator names must be unique.");
        }

        for (var i = 0; i < options.ScrapeKeyHashes.Count; i++)
        {
            if (!ApiKeyHash.IsWellFormed(options.ScrapeKeyHashes[i]))
            {
                failures.Add($"Ops:ScrapeKeyHashes:{i} is not '{ApiKeyHash.Prefix}' and 64 hex digits; run 'hash-key' and paste the hash it prints.");
            }
        }

        if (options.SessionMinutes is < 1 or > 10_080)
        {
            failures.Add($"Ops:SessionMinutes is {options.SessionMinutes}; use 1 to 10080 (a week).");
        }

        if (options.RefreshSeconds is < 0 or > 3_600)
        {
            failures.Add($"Ops:RefreshSeconds is {options.RefreshSeconds}; use 0 (never) to 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
