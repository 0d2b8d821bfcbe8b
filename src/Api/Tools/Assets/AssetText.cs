using System.Globalization;
using System.Text;
using HaloMcp.Grains.Assets;

namespace HaloMcp.Api.Tools.Assets;

/// <summary>Text renderings of assets.</summary>
public static class AssetText
{
    /// <summary>One asset on one line.</summary>
    public static string Row(AssetRow a) => ToolText.Join(
        $"asset #{a.Id} {a.InventoryNumber}", a.KeyField, a.AssetTypeName, ToolText.Named(a.ClientName, a.ClientId), a.SiteName,
        a.StatusName, a.Inactive ? "inactive" : null);

    /// <summary>An asset with its fields and associations.</summary>
    public static string Detail(AssetDetail a)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Asset #{a.Id}: {a.InventoryNumber}{(a.Inactive ? " (inactive)" : string.Empty)}");
        ToolText.Field(text, "Type", ToolText.Named(a.AssetTypeName, a.AssetTypeId));
        ToolText.Field(text, "Key fields", string.Join(" / ", new[] { a.KeyField, a.KeyField2, a.KeyField3 }.Where(k => !string.IsNullOrWhiteSpace(k))));
        ToolText.Field(text, "Client", ToolText.Named(a.ClientName, a.ClientId));
        ToolText.Field(text, "Site", ToolText.Named(a.SiteName, a.SiteId));
        ToolText.Field(text, "Status", a.StatusName);
        ToolText.Field(text, "Warranty end", ToolText.Day(a.WarrantyEnd));
        ToolText.Field(text, "Contract", a.ContractRef);
        ToolText.Field(text, "Users", string.Join(", ", a.Users));
        foreach (var field in a.Fields)
        {
            ToolText.Field(text, field.Name, field.Value);
        }

        ToolText.Field(text, "Notes", a.Notes);
        if (a.LinkedTickets.Count > 0)
        {
            text.AppendLine("Linked tickets:");
            foreach (var ticket in a.LinkedTickets)
            {
                text.AppendLine(ToolText.Join($"#{ticket.Id} {ticket.Summary}", ticket.StatusName));
            }
        }

        return text.ToString().TrimEnd();
    }
}
