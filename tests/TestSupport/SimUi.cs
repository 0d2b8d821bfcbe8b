using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.TestSupport;

/// <summary>
/// A technician in HaloPSA's UI, through the simulator's out-of-band endpoint (<c>/_sim/ui/{instance}</c>): changes that
/// go through HaloPSA's own writer (and fire its webhooks) but no API client, budget or request log sees.
/// </summary>
/// <param name="simBase">The simulator's base address.</param>
/// <param name="instance">The instance the technician works in.</param>
public sealed class SimUi(Uri simBase, string instance) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = simBase };

    /// <summary>Edits fields of a ticket (<c>{"summary": ...}</c>); answers the saved ticket.</summary>
    public Task<JsonObject> EditTicketAsync(int ticketId, JsonObject fields, CancellationToken cancellationToken = default) =>
        PostAsync($"tickets/{Id(ticketId)}", fields, cancellationToken);

    /// <summary>Adds an action to a ticket (<c>{"note": ..., "outcome": ...}</c>); answers the saved action.</summary>
    public Task<JsonObject> AddActionAsync(int ticketId, JsonObject action, CancellationToken cancellationToken = default) =>
        PostAsync($"tickets/{Id(ticketId)}/actions", action, cancellationToken);

    /// <summary>Upserts records of a collection (<c>Client</c>, <c>Site</c>, <c>Status</c>, ...) as <c>POST /api/{collection}</c> would.</summary>
    public async Task<JsonNode> UpsertAsync(string collection, JsonArray records, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync($"/_sim/ui/{instance}/{collection}", records, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Deletes a record as <c>DELETE /api/{collection}/{id}</c> would.</summary>
    public async Task DeleteAsync(string collection, int id, int? ticketId = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync($"/_sim/ui/{instance}/{collection}/{Id(id)}" + (ticketId is { } t ? $"?ticket_id={Id(t)}" : ""), cancellationToken);
        await ReadAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync($"/_sim/ui/{instance}/{path}", body, cancellationToken);
        return (await ReadAsync(response, cancellationToken)).AsObject();
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The simulator's UI refused the change ({(int)response.StatusCode}): {text}");
        }

        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
