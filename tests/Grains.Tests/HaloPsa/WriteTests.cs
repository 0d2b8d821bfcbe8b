using System.Text;
using System.Text.Json;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class WriteTests
{
    [Fact]
    public void An_update_serialises_only_the_fields_that_were_set()
    {
        var json = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
            [new HaloTicketWrite { Id = 41, StatusId = 9 }], HaloJsonContext.Default.HaloTicketWriteArray));

        Assert.Equal("""[{"id":41,"status_id":9}]""", json);
    }

    [Fact]
    public async Task Create_ticket_returns_the_saved_record()
    {
        await using var rig = await HaloRig.StartAsync();
        var client = rig.Sim.Data.All(SimEntityKind.Client)[0];
        var before = rig.Sim.Data.Count(SimEntityKind.Ticket);

        var ticket = await rig.Client.CreateTicketAsync(
            new HaloTicketWrite { Summary = "Printer on fire", Details = "Floor 2", ClientId = HaloRig.Int(client, "id") }, default);

        Assert.True(ticket.Id > 0);
        Assert.Equal("Printer on fire", ticket.Summary);
        Assert.Equal(HaloRig.Str(client, "name"), ticket.ClientName);
        Assert.Equal(before + 1, rig.Sim.Data.Count(SimEntityKind.Ticket));
        Assert.Equal("Printer on fire", HaloRig.Str(rig.Sim.Data.Get(SimEntityKind.Ticket, ticket.Id)!, "summary"));
    }

    [Fact]
    public async Task Create_ticket_without_client_surfaces_HaloPSAs_message()
    {
        await using var rig = await HaloRig.StartAsync();

        var error = await Assert.ThrowsAsync<HaloValidationException>(
            () => rig.Client.CreateTicketAsync(new HaloTicketWrite { Summary = "No client" }, default));

        Assert.False(string.IsNullOrWhiteSpace(error.HaloMessage));
        Assert.Contains(error.HaloMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partial_update_changes_only_what_was_sent()
    {
        await using var rig = await HaloRig.StartAsync();
        var original = rig.Sim.Data.All(SimEntityKind.Ticket).First(t => HaloRig.Int(t, "status_id") == 1);
        var id = HaloRig.Int(original, "id");

        var updated = await rig.Client.UpdateTicketAsync(id, new HaloTicketWrite { StatusId = 2 }, default);

        var after = rig.Sim.Data.Get(SimEntityKind.Ticket, id)!;
        Assert.Equal(2, updated.StatusId);
        Assert.Equal(2, HaloRig.Int(after, "status_id"));
        foreach (var field in new[] { "summary", "details", "client_id", "site_id", "agent_id", "priority_id", "tickettype_id", "team_id", "user_id" })
        {
            Assert.Equal(original[field]?.ToJsonString(), after[field]?.ToJsonString());
        }

        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Ticket), rig.Sim.Data.All(SimEntityKind.Ticket).Count);
    }

    [Fact]
    public async Task Updating_an_unknown_ticket_is_not_found()
    {
        await using var rig = await HaloRig.StartAsync();
        var before = rig.Sim.Data.Count(SimEntityKind.Ticket);

        var error = await Assert.ThrowsAsync<HaloNotFoundException>(
            () => rig.Client.UpdateTicketAsync(909_090, new HaloTicketWrite { StatusId = 2 }, default));

        Assert.Equal("No ticket 909090.", error.Message);
        Assert.Equal(before, rig.Sim.Data.Count(SimEntityKind.Ticket));
    }

    [Fact]
    public async Task Add_action_sends_hours_and_updates_the_ticket()
    {
        await using var rig = await HaloRig.StartAsync();
        var ticket = rig.Sim.Data.All(SimEntityKind.Ticket)[5];
        var id = HaloRig.Int(ticket, "id");
        var hoursBefore = ticket["timetaken"]!.GetValue<double>();

        var action = await rig.Client.AddActionAsync(
            new HaloActionWrite { TicketId = id, Outcome = "Private Note", Note = "Called the user", TimeTaken = 45 / 60.0, HiddenFromUser = true }, default);

        Assert.True(action.Id > 0);
        Assert.Equal(id, action.TicketId);
        Assert.Equal(0.75, action.TimeTaken, 3);
        Assert.Equal("Called the user", action.Note);
        var stored = rig.Sim.Data.Where(SimEntityKind.Action, a => HaloRig.Int(a, "ticket_id") == id && HaloRig.Str(a, "note") == "Called the user");
        Assert.Single(stored);
        Assert.Equal(hoursBefore + 0.75, rig.Sim.Data.Get(SimEntityKind.Ticket, id)!["timetaken"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task Action_without_outcome_surfaces_HaloPSAs_message_and_writes_nothing()
    {
        await using var rig = await HaloRig.StartAsync();
        var id = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Ticket)[0], "id");
        var before = rig.Sim.Data.Count(SimEntityKind.Action);

        var error = await Assert.ThrowsAsync<HaloValidationException>(
            () => rig.Client.AddActionAsync(new HaloActionWrite { TicketId = id, Note = "no outcome" }, default));

        Assert.Contains("An Outcome must be entered for this Action", error.HaloMessage, StringComparison.Ordinal);
        Assert.Equal(before, rig.Sim.Data.Count(SimEntityKind.Action));
        Assert.Equal(1, await rig.CountAsync("POST", "/api/Actions", 1));
    }

    [Fact]
    public async Task Create_client_and_asset()
    {
        await using var rig = await HaloRig.StartAsync();
        var assetType = rig.Sim.Data.All(SimEntityKind.AssetType)[0];

        var client = await rig.Client.CreateClientAsync(new HaloClientWrite { Name = "Northwind Traders", Website = "https://northwind.example" }, default);
        var asset = await rig.Client.CreateAssetAsync(
            new HaloAssetWrite { ClientId = client.Id, AssetTypeId = HaloRig.Int(assetType, "id"), InventoryNumber = "NW-0001" }, default);

        Assert.True(client.Id > 0);
        Assert.Equal("Northwind Traders", HaloRig.Str(rig.Sim.Data.Get(SimEntityKind.Client, client.Id)!, "name"));
        Assert.True(asset.Id > 0);
        Assert.Equal(client.Id, asset.ClientId);
        var stored = rig.Sim.Data.Get(SimEntityKind.Asset, asset.Id)!;
        Assert.Equal("NW-0001", HaloRig.Str(stored, "inventory_number"));
        Assert.Equal(client.Id, HaloRig.Int(stored, "client_id"));
    }
}
