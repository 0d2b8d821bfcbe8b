using System.Globalization;
using HaloMcp.Grains.Tenancy;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth;

/// <summary>
/// A request signed in as a HaloPSA agent acts as that agent in every grain call it makes (<see cref="ActingAgent"/>):
/// the grains then use the agent's own HaloPSA token and keep its cached reads apart from everyone else's.
/// </summary>
internal sealed class AgentSessionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.FindFirst(ApiKeyAuthenticationDefaults.AgentClaim)?.Value is { } agent
            && user.FindFirst(ApiKeyAuthenticationDefaults.GrantClaim)?.Value is { } session)
        {
            ActingAgent.Set(session, int.Parse(agent, CultureInfo.InvariantCulture));
            try
            {
                return await next(context);
            }
            finally
            {
                ActingAgent.Clear();
            }
        }

        return await next(context);
    }
}
