using System.ComponentModel;
using ModelContextProtocol;
using HaloMcp.Api.Tenancy;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tests.Support;

/// <summary>Tools that exist only in tests, to observe what the host gives a tool.</summary>
[McpServerToolType]
public sealed partial class TestTools(TenantDataStore store, ToolProbe probe, ILogger<TestTools> logger)
{
    [McpServerTool(Name = "test_tenant_data", Title = "Tenant data", ReadOnly = true)]
    [Description("Returns data that belongs to the caller's tenant.")]
    public string TenantData(TenantContext tenant, [Description("A value echoed back")] int sequence)
    {
        LogServing(logger, sequence);
        return $"{tenant.TenantId}|{store.DataOf(tenant.TenantId)}|{sequence}";
    }

    [McpServerTool(Name = "test_wait_for_cancel", Title = "Wait until cancelled")]
    [Description("Blocks until its cancellation token fires.")]
    public async Task<string> WaitForCancel(CancellationToken cancellationToken)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "not cancelled";
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }

    [McpServerTool(Name = "test_tool_error", Title = "Fails on purpose")]
    [Description("Throws an McpException (a rule the tool enforces).")]
    public string ToolError() => throw new McpException("Argument 'sequence' must be positive.");

    [McpServerTool(Name = "test_unexpected_error", Title = "Fails unexpectedly")]
    [Description("Throws an unexpected exception with internal detail.")]
    public string UnexpectedError() => throw new InvalidOperationException("internal detail: connection string Server=db;Password=hunter2");

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving tenant data #{Sequence}")]
    private static partial void LogServing(ILogger logger, int sequence);
}
