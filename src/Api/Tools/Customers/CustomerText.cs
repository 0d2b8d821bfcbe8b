using System.Globalization;
using System.Text;
using HaloMcp.Grains.Customers;

namespace HaloMcp.Api.Tools.Customers;

/// <summary>Text renderings of clients, sites and end users.</summary>
public static class CustomerText
{
    /// <summary>One client on one line.</summary>
    public static string Row(ClientRow c) => ToolText.Join(
        $"#{c.Id} {c.Name}", c.Inactive ? "inactive" : null, c.TopLevelName, c.MainSiteName,
        c.OpenTicketCount is { } open ? $"{open} open tickets" : null, c.Website);

    /// <summary>One site on one line.</summary>
    public static string Row(SiteRow s) => ToolText.Join(
        $"site #{s.Id} {s.Name}", ToolText.Named(s.ClientName, s.ClientId), s.Inactive ? "inactive" : null, s.PhoneNumber);

    /// <summary>One end user on one line.</summary>
    public static string Row(UserRow u) => ToolText.Join(
        $"user #{u.Id} {u.Name}", u.Email, u.PhoneNumber, ToolText.Named(u.ClientName, u.ClientId), u.SiteName,
        u.Inactive ? "inactive" : null);

    /// <summary>A client with its sites.</summary>
    public static string Detail(ClientDetail c)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Client #{c.Id}: {c.Name}{(c.Inactive ? " (inactive)" : string.Empty)}");
        ToolText.Field(text, "Top level", c.TopLevelName);
        ToolText.Field(text, "Website", c.Website);
        ToolText.Field(text, "Phone", c.PhoneNumber);
        ToolText.Field(text, "Main site", ToolText.Named(c.MainSiteName, c.MainSiteId));
        ToolText.Field(text, "VIP", c.IsVip ? "yes" : null);
        ToolText.Field(text, "Notes", c.Notes);
        if (c.Sites is { Count: > 0 } sites)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Sites ({sites.Count}):");
            foreach (var site in sites)
            {
                text.AppendLine(Row(site));
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A site.</summary>
    public static string Detail(SiteDetail s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Site #{s.Id}: {s.Name}{(s.Inactive ? " (inactive)" : string.Empty)}");
        ToolText.Field(text, "Client", ToolText.Named(s.ClientName, s.ClientId));
        ToolText.Field(text, "Phone", s.PhoneNumber);
        ToolText.Field(text, "Time zone", s.Timezone);
        ToolText.Field(text, "Address", string.Join(", ", s.Address));
        ToolText.Field(text, "Main contact", ToolText.Named(s.MainContactName, s.MainContactId));
        ToolText.Field(text, "Notes", s.Notes);
        return text.ToString().TrimEnd();
    }

    /// <summary>An end user.</summary>
    public static string Detail(UserDetail u)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"User #{u.Id}: {u.Name}{(u.Inactive ? " (inactive)" : string.Empty)}");
        ToolText.Field(text, "Email", u.Email);
        ToolText.Field(text, "Phone", u.PhoneNumber);
        ToolText.Field(text, "Mobile", u.MobileNumber);
        ToolText.Field(text, "Job title", u.JobTitle);
        ToolText.Field(text, "Client", ToolText.Named(u.ClientName, u.ClientId));
        ToolText.Field(text, "Site", ToolText.Named(u.SiteName, u.SiteId));
        ToolText.Field(text, "Important contact", u.IsImportantContact ? "yes" : null);
        ToolText.Field(text, "Notes", u.Notes);
        return text.ToString().TrimEnd();
    }
}
