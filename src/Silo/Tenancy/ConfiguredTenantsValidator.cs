using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// A silo's check of the tenant configuration on start and on every reload, with the rules the front ends apply; a
/// rejected reload keeps the previous tenants in force and is logged.
/// </summary>
/// <param name="configuration">The configuration the options were bound from (for unknown keys).</param>
/// <param name="logger">Logs a rejected configuration.</param>
internal sealed partial class ConfiguredTenantsValidator(IConfiguration configuration, ILogger<ConfiguredTenantsValidator> logger)
    : IValidateOptions<TenantCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantCatalogOptions options)
    {
        var errors = new List<string>();
        TenantConfigurationRules.Check(options, configuration, errors);
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        LogRejected(logger, errors.Count, string.Join("; ", errors));
        return ValidateOptionsResult.Fail(errors);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Tenant configuration rejected ({ErrorCount} errors): {Errors}. The previous configuration stays in force.")]
    private static partial void LogRejected(ILogger logger, int errorCount, string errors);
}
