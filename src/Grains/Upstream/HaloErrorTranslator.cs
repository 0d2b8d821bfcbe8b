using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa.Errors;

namespace HaloMcp.Grains.Upstream;

/// <summary>
/// Turns the HaloPSA client's failures into the one failure type that crosses the grain boundary, with messages that
/// tell a person what to do (the catalogue's conventions in <c>tools.md</c>). The client's exception stays behind: the
/// client logged it where it happened, and its types (and what they wrap) are not for the wire.
/// </summary>
public static class HaloErrorTranslator
{
    /// <summary>The translated failure, or null when <paramref name="exception"/> is not an upstream failure.</summary>
    public static HaloOperationException? Translate(Exception exception) => exception switch
    {
        HaloOperationException already => already,
        HaloAuthenticationException e => new(HaloFailureKind.Authentication, WithAdvice(e.Message, "check the client id and secret")),
        HaloPermissionException e => new(HaloFailureKind.Permission,
            e.Scope is { Length: > 0 } scope
                ? $"The HaloPSA API application lacks permission {scope}; grant it in HaloPSA (Configuration > Integrations > HaloPSA API)."
                : "The HaloPSA API application lacks the permission this needs; grant it in HaloPSA (Configuration > Integrations > HaloPSA API)."),
        HaloNotFoundException e => new(HaloFailureKind.NotFound, $"No {e.Entity} {e.Id}."),
        HaloValidationException e => new(HaloFailureKind.Validation, $"HaloPSA refused the request: {e.HaloMessage}"),
        HaloRateLimitedException e => HaloOperationException.RateLimited(e.RetryAfter,
            e.Stated ? "HaloPSA's request limit was reached" : "HaloPSA's request limit was reached (it is shared with any other integration of the instance)"),
        HaloWriteOutcomeUnknownException => new(HaloFailureKind.WriteOutcomeUnknown,
            "HaloPSA failed while applying the write; it may or may not have been applied, and it was not repeated. Check before retrying."),
        HaloTransientException => new(HaloFailureKind.Unavailable, "HaloPSA failed or did not answer; a read can be retried."),
        HaloApiException => new(HaloFailureKind.Unavailable, "HaloPSA answered unexpectedly; a read can be retried."),
        _ => null,
    };

    /// <summary>Runs <paramref name="operation"/>, translating upstream failures.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (Translate(ex) is { } translated && !ReferenceEquals(translated, ex))
        {
            throw translated;
        }
    }

    private static string WithAdvice(string message, string advice) =>
        message.Contains(advice, StringComparison.OrdinalIgnoreCase) ? message : $"{message.TrimEnd('.')}; {advice}.";
}
