using System.Text.Json;
using Json.Schema;

namespace HaloMcp.Api.Tests.Support;

/// <summary>Checks a structured result against the tool's published output schema with a JSON Schema validator.</summary>
public static class OutputSchemaAssert
{
    public static void Valid(string tool, JsonElement outputSchema, JsonElement structuredContent)
    {
        var schema = JsonSchema.FromText(outputSchema.GetRawText());
        var results = schema.Evaluate(structuredContent, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = results.Details?.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")) ?? [];
        Assert.True(results.IsValid, $"{tool}: the result does not validate against its outputSchema: {string.Join("; ", errors)}");
    }
}
