using HaloMcp.Grains.Customers;
using HaloMcp.Grains.HaloPsa.Model;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA clients, sites and end users to the records the grains hand out.</summary>
public static class CustomerMapper
{
    /// <summary>A client in a list.</summary>
    public static ClientRow ToRow(HaloClient c) => new(
        c.Id, c.Name ?? $"#{c.Id}", c.Inactive, PlainText.OrNull(c.TopLevelName), PlainText.OrNull(c.Website), PlainText.OrNull(c.MainSiteName),
        c.OpenTicketCount > 0 ? c.OpenTicketCount : null);

    /// <summary>One client, with its sites when given.</summary>
    public static ClientDetail ToDetail(HaloClient c, IReadOnlyList<SiteRow>? sites) => new(
        c.Id, c.Name ?? $"#{c.Id}", c.Inactive, PlainText.OrNull(c.TopLevelName), PlainText.OrNull(c.Website), PlainText.OrNull(c.MainPhoneNumber),
        PlainText.Of(c.Notes, 2_000), PlainText.Id(c.MainSiteId), PlainText.OrNull(c.MainSiteName), c.IsVip, sites);

    /// <summary>A site in a list.</summary>
    public static SiteRow ToRow(HaloSite s) => new(
        s.Id, s.Name ?? $"#{s.Id}", s.ClientId, PlainText.OrNull(s.ClientName), s.Inactive, PlainText.OrNull(s.PhoneNumber));

    /// <summary>One site.</summary>
    public static SiteDetail ToDetail(HaloSite s) => new(
        s.Id, s.Name ?? $"#{s.Id}", s.ClientId, PlainText.OrNull(s.ClientName), s.Inactive, PlainText.OrNull(s.PhoneNumber), PlainText.OrNull(s.Timezone),
        [.. new[] { s.DeliveryAddressLine1, s.DeliveryAddressLine2, s.DeliveryAddressLine3, s.DeliveryAddressLine4, s.DeliveryAddressLine5 }
            .Select(PlainText.OrNull).OfType<string>()],
        PlainText.Id(s.MainContactId), PlainText.OrNull(s.MainContactName), PlainText.Of(s.Notes, 2_000));

    /// <summary>An end user in a list.</summary>
    public static UserRow ToRow(HaloUser u) => new(
        u.Id, u.Name ?? $"#{u.Id}", PlainText.OrNull(u.EmailAddress), PlainText.OrNull(u.PhoneNumber), PlainText.Id(u.ClientId), PlainText.OrNull(u.ClientName),
        PlainText.Id(u.SiteId), PlainText.OrNull(u.SiteName), u.Inactive);

    /// <summary>One end user.</summary>
    public static UserDetail ToDetail(HaloUser u) => new(
        u.Id, u.Name ?? $"#{u.Id}", PlainText.OrNull(u.FirstName), PlainText.OrNull(u.Surname), PlainText.OrNull(u.EmailAddress),
        PlainText.OrNull(u.PhoneNumber), PlainText.OrNull(u.MobileNumber), PlainText.OrNull(u.Title), PlainText.Id(u.ClientId), PlainText.OrNull(u.ClientName),
        PlainText.Id(u.SiteId), PlainText.OrNull(u.SiteName), u.IsImportantContact, u.Inactive, PlainText.Of(u.Notes, 2_000));
}
