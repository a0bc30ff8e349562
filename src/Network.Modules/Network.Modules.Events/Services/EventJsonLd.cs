using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// An event as a schema.org <c>Event</c> for search engines: dates with their Paris offset, status (scheduled,
/// cancelled, postponed), attendance mode and place (a <c>Place</c> with its postal address, or a <c>VirtualLocation</c>
/// whose address is the event page: the joining link is for registrants only), the free offer with its availability,
/// and the region as organiser.
/// </summary>
public static class EventJsonLd
{
    // The default encoder escapes <, > and &: the JSON can never close its <script> element.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    private const string Schema = "https://schema.org/";

    public static string Build(ContentItem item, EventFields fields, EventState state, TenantInfo tenant, string url, string registrationUrl, string organizerUrl, string? imageUrl, DateTime nowUtc)
    {
        var organizer = tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName;
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = item.Title,
            ["description"] = item.Summary,
            ["startDate"] = ParisTime.Iso(fields.StartUtc),
            ["endDate"] = ParisTime.Iso(fields.EndUtc),
            ["eventStatus"] = Schema + state switch
            {
                EventState.Cancelled => "EventCancelled",
                EventState.Postponed => "EventPostponed",
                _ => "EventScheduled",
            },
            ["eventAttendanceMode"] = Schema + (fields.Online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"),
            ["location"] = fields.Online
                ? new JsonObject { ["@type"] = "VirtualLocation", ["url"] = url }
                : new JsonObject
                {
                    ["@type"] = "Place",
                    ["name"] = fields.VenueName.Trim(),
                    ["address"] = new JsonObject
                    {
                        ["@type"] = "PostalAddress",
                        ["streetAddress"] = fields.StreetAddress.Trim(),
                        ["postalCode"] = fields.PostalCode.Trim(),
                        ["addressLocality"] = fields.City.Trim(),
                        ["addressCountry"] = "FR",
                    },
                },
            ["organizer"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = organizer, ["url"] = organizerUrl },
            ["isAccessibleForFree"] = true,
            ["maximumAttendeeCapacity"] = fields.Capacity,
            ["inLanguage"] = "fr",
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["url"] = registrationUrl,
                ["price"] = 0,
                ["priceCurrency"] = "EUR",
                ["validFrom"] = ParisTime.Iso(fields.RegistrationOpensUtc),
                ["validThrough"] = ParisTime.Iso(fields.RegistrationClosesUtc),
                ["availability"] = Schema + Availability(state, fields, nowUtc),
            },
        };
        if (imageUrl is not null) node["image"] = imageUrl;
        return node.ToJsonString(Options);
    }

    /// <summary>InStock while registration is open with seats, SoldOut when full, PreOrder before it opens, Discontinued after.</summary>
    public static string Availability(EventState state, EventFields fields, DateTime nowUtc)
    {
        if (state == EventState.RegistrationFull) return "SoldOut";
        if (state != EventState.Scheduled || nowUtc >= fields.RegistrationClosesUtc) return "Discontinued";
        return nowUtc < fields.RegistrationOpensUtc ? "PreOrder" : "InStock";
    }
}
