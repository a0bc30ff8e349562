using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Core.Localization;
using Network.Core.Text;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>What coordinators look for in the attendee list; every part is optional.</summary>
/// <param name="Query">Part of a name, an address or an organisation, accents and case ignored.</param>
/// <param name="Workshop">Only those who chose this workshop; the check-in filter then means "present at the workshop".</param>
public sealed record AttendeeFilter(string? Query = null, RegistrationStatus? Status = null, string? Workshop = null, bool? CheckedIn = null);

/// <param name="Choices">The person's workshop choices, in programme order.</param>
/// <param name="WaitlistPosition">1 for the first person waiting: for the event, or for the filtered workshop.</param>
public sealed record AttendeeRow(EventRegistration Registration, IReadOnlyList<WorkshopChoice> Choices, int? WaitlistPosition)
{
    public WorkshopChoice? Choice(string key) => Choices.FirstOrDefault(c => c.SessionKey == key);
}

/// <summary>
/// An event's registrations for its coordinators: the list with search and filters, each waitlist's order, and the
/// CSV export. An event has at most a few thousand registrations: they are read once and filtered in memory, which
/// also lets the search ignore accents the way French readers expect ("helene" finds "Hélène").
/// </summary>
public sealed class AttendanceRoster(EventsDbContext db)
{
    public static readonly IReadOnlyList<(string Value, string Label, RegistrationStatus Status)> StatusFilters =
    [
        ("confirme", "Confirmé", RegistrationStatus.Confirmed),
        ("attente", "En liste d'attente", RegistrationStatus.Waitlisted),
        ("annule", "Annulé", RegistrationStatus.Cancelled),
        ("expire", "Expiré", RegistrationStatus.Expired),
    ];

    public static string StatusLabel(RegistrationStatus status) => StatusFilters.First(f => f.Status == status).Label;

    public static RegistrationStatus? StatusOf(string? value) => StatusFilters.FirstOrDefault(f => f.Value == value) is { Value: not null } f ? f.Status : null;

    public static string StatusValue(RegistrationStatus status) => StatusFilters.First(f => f.Status == status).Value;

    public static string WorkshopStatusLabel(WorkshopChoiceStatus status) => status == WorkshopChoiceStatus.Confirmed ? "Inscrit" : "En liste d'attente";

    /// <summary>Every registration of the event matching <paramref name="filter"/>: confirmed by name, then the waitlist in its order, then the others.</summary>
    public async Task<IReadOnlyList<AttendeeRow>> ListAsync(EventView view, AttendeeFilter filter, CancellationToken cancellationToken = default)
    {
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == view.Id).ToListAsync(cancellationToken);
        var choices = (await db.WorkshopChoices.AsNoTracking().Where(c => c.EventId == view.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.RegistrationId);
        var order = view.Workshops.Select((w, i) => (w.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

        var eventQueue = Positions(registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => (r.Id, r.WaitlistedUtc, r.Id)));
        var workshop = filter.Workshop is { Length: > 0 } key && order.ContainsKey(key) ? key : null;
        var workshopQueue = workshop is null ? [] : Positions(choices.SelectMany(g => g)
            .Where(c => c.SessionKey == workshop && c.Status == WorkshopChoiceStatus.Waitlisted).Select(c => (c.RegistrationId, c.WaitlistedUtc, c.Id)));

        var query = TextFolding.Fold(filter.Query?.Trim());
        var rows = new List<AttendeeRow>();
        foreach (var r in registrations)
        {
            if (filter.Status is { } status && r.Status != status) continue;
            var own = choices[r.Id].OrderBy(c => order.GetValueOrDefault(c.SessionKey, int.MaxValue)).ToList();
            var choice = workshop is null ? null : own.FirstOrDefault(c => c.SessionKey == workshop);
            if (workshop is not null && choice is null) continue;
            if (filter.CheckedIn is { } present && ((workshop is null ? r.CheckedInUtc : choice!.CheckedInUtc) is not null) != present) continue;
            if (query.Length > 0 && !(TextFolding.Fold(r.FullName).Contains(query, StringComparison.Ordinal)
                    || TextFolding.Fold(r.Email).Contains(query, StringComparison.Ordinal)
                    || TextFolding.Fold(r.Organisation).Contains(query, StringComparison.Ordinal)))
                continue;
            int? position = workshop is not null && workshopQueue.TryGetValue(r.Id, out var inWorkshop) ? inWorkshop
                : eventQueue.TryGetValue(r.Id, out var inEvent) ? inEvent : null;
            rows.Add(new AttendeeRow(r, own, position));
        }
        return rows
            .OrderBy(row => row.Registration.Status)
            .ThenBy(row => row.WaitlistPosition ?? 0)
            .ThenBy(row => TextFolding.Fold(row.Registration.FullName), StringComparer.Ordinal)
            .ThenBy(row => row.Registration.Id)
            .ToList();
    }

    /// <summary>Place in line by the time one joined the waitlist, then by id (the order promotions follow).</summary>
    private static Dictionary<int, int> Positions(IEnumerable<(int RegistrationId, DateTime? WaitlistedUtc, int Id)> waiting)
        => waiting.OrderBy(w => w.WaitlistedUtc ?? DateTime.MaxValue).ThenBy(w => w.Id)
            .Select((w, i) => (w.RegistrationId, Position: i + 1))
            .ToDictionary(w => w.RegistrationId, w => w.Position);

    /// <summary>
    /// One line per registration: identity, status and place in line, dates (Paris), check-in, one column per workshop (headed by its title)
    /// and, while they exist (they are deleted some days after the event), one per question of the form. UTF-8 with a
    /// byte order mark so that spreadsheets open the accents right, like the Calls module's ranking export.
    /// </summary>
    public static byte[] Csv(EventView view, IReadOnlyList<AttendeeRow> rows)
    {
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        string When(DateTime? utc) => utc is { } at ? ParisTime.Format(at, culture) : "";
        var workshops = view.Workshops.ToList();
        var answers = rows.ToDictionary(r => r.Registration.Id, r => Answers(r.Registration));
        var questions = answers.Values.Any(a => a is not null) ? view.Fields.Questions : [];

        var header = new List<string> { "Numéro", "Nom", "Courriel", "Structure", "Statut", "Position en liste d'attente", "Inscription", "Adresse vérifiée", "Présent", "Émargement" };
        header.AddRange(workshops.Select(w => w.Title));
        header.AddRange(questions.Select(q => q.Label));

        var lines = rows.Select(row =>
        {
            var r = row.Registration;
            var cells = new List<string?>
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.FullName, r.Email, r.Organisation, StatusLabel(r.Status),
                row.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "", When(r.CreatedUtc), r.AddressVerifiedUtc is null ? "non" : "oui",
                r.CheckedInUtc is null ? "non" : "oui", When(r.CheckedInUtc),
            };
            cells.AddRange(workshops.Select(w => row.Choice(w.Key) is { } c
                ? WorkshopStatusLabel(c.Status).ToLowerInvariant() + (c.CheckedInUtc is null ? "" : ", présent")
                : ""));
            var own = answers[r.Id];
            cells.AddRange(questions.Select(q => own is not null && own.TryGetValue(q.Key, out var answer) ? answer : ""));
            return (IEnumerable<string?>)cells;
        });
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Network.Core.Text.Csv.Write(header, lines))];
    }

    /// <summary>The person's answers, null once deleted or when there are none.</summary>
    public static Dictionary<string, string>? Answers(EventRegistration registration)
    {
        if (registration.AnswersDeletedUtc is not null || string.IsNullOrWhiteSpace(registration.AnswersJson)) return null;
        try
        {
            var kept = JsonSerializer.Deserialize<Dictionary<string, string>>(registration.AnswersJson)?
                .Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(StringComparer.Ordinal);
            return kept is { Count: > 0 } ? kept : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
