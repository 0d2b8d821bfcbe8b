using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// Decides what a tenants file that cannot be parsed does. At startup it stops the server (the caller prints the
/// reason). Once running, the failed reload is logged and not applied, so the previous tenants stay in force
/// until the file is fixed.
/// </summary>
internal sealed partial class TenantFileLoadErrors
{
    private ILogger? _logger;

    /// <summary>Switches from startup behaviour to reload behaviour.</summary>
    public void ServerStarted(ILogger logger) => _logger = logger;

    public void OnLoadException(FileLoadExceptionContext context)
    {
        if (_logger is null)
        {
            return;
        }

        // Not ignored: the provider then skips its change notification, so nobody re-reads the half-written file.
        LogReloadFailed(_logger, context.Exception.InnerException?.Message ?? context.Exception.Message);
    }

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "The tenants file could not be read ({Reason}); the previous tenants stay in force until it is fixed.")]
    private static partial void LogReloadFailed(ILogger logger, string reason);
}
