using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Localization;
using Network.Core.Security;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Media;
using Network.Modules.Media.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements;

/// <summary>
/// The event editor (<c>/admin/evenements/nouveau</c> and <c>/admin/evenements/{id}</c>): every field of
/// <see cref="EventFields"/>, the programme's sessions and the optional questions as repeatable rows (buttons add and
/// remove rows by posting the form: no JavaScript), the image from the media library, dates typed in Paris time, and
/// the private setup (online joining link, reminder) saved with it. Loading, saving, conflicts and messages are the
/// shared <see cref="ContentEditorPageModel{TType, TFields}"/>'s; publication goes through the content workflow.
/// </summary>
[RequirePermission("ManageEvents")]
[UploadBodyLimit]
public sealed partial class EventEditorModel(ContentEditorServices services, EventType type, ContentImagePicker images, EventsDbContext events, EventSetups setups, RegistrationDesk desk)
    : ContentEditorPageModel<EventType, EventFields>(services, type)
{
    public const int DefaultAnswerLength = 500;
    public const int MaxReminderDays = 30;

    [BindProperty]
    public EventForm Form { get; set; } = new();

    /// <summary>The image the form currently holds (stored, or added by the last post), for its preview.</summary>
    public ImageRef? CurrentImage { get; private set; }

    public IReadOnlyList<(string Value, string Label)> KindOptions { get; } = EventKinds.All.Select(k => (k, EventKinds.Label(k))).ToList();

    // The type's messages name UTC fields; the form has a date and a time for each.
    protected override string ErrorKey(string field)
    {
        if (SessionField().Match(field) is { Success: true } m)
            return $"Form.Sessions[{m.Groups[1].Value}].{(m.Groups[2].Value == "StartUtc" ? "StartTime" : "EndTime")}";
        return field switch
        {
            "StartUtc" => "Form.StartDate",
            "EndUtc" => "Form.EndDate",
            "RegistrationOpensUtc" => "Form.RegistrationOpensDate",
            "RegistrationClosesUtc" => "Form.RegistrationClosesDate",
            _ => base.ErrorKey(field),
        };
    }

    public override async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var result = await base.OnGetAsync(id, cancellationToken);
        if (result is PageResult)
        {
            var setup = Item is null ? new EventSetup() : await events.Setups.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == Item.Id, cancellationToken) ?? new EventSetup();
            Form.OnlineJoinUrl = setup.OnlineJoinUrl;
            Form.ReminderDaysBefore = setup.ReminderDaysBefore.ToString(CultureInfo.InvariantCulture);
        }
        return result;
    }

    protected override void FillForm(EventFields f)
    {
        Form = new EventForm
        {
            Kind = f.Kind,
            Description = f.Description,
            StartDate = Date(f.StartUtc),
            StartTime = Time(f.StartUtc),
            EndDate = Date(f.EndUtc),
            EndTime = Time(f.EndUtc),
            Online = f.Online,
            VenueName = f.VenueName,
            StreetAddress = f.StreetAddress,
            PostalCode = f.PostalCode,
            City = f.City,
            AccessibilityInfo = f.AccessibilityInfo,
            Capacity = f.Capacity == 0 ? null : f.Capacity.ToString(CultureInfo.InvariantCulture),
            RegistrationOpensDate = Date(f.RegistrationOpensUtc),
            RegistrationOpensTime = Time(f.RegistrationOpensUtc),
            RegistrationClosesDate = Date(f.RegistrationClosesUtc),
            RegistrationClosesTime = Time(f.RegistrationClosesUtc),
            Sessions = f.Sessions.Select(s => new SessionRow
            {
                Key = s.Key, Title = s.Title, Date = Date(s.StartUtc), StartTime = Time(s.StartUtc), EndTime = Time(s.EndUtc),
                Room = s.Room, Speakers = s.Speakers, Description = s.Description, IsWorkshop = s.IsWorkshop,
                Capacity = s.Capacity?.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Questions = f.Questions.Select(q => new EventQuestionRow
            {
                Key = q.Key, Label = q.Label, Reason = q.Reason, MaxLength = q.MaxLength.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            ContactEmail = f.ContactEmail,
            ReminderDaysBefore = new EventSetup().ReminderDaysBefore.ToString(CultureInfo.InvariantCulture),
            ImageMediaId = f.Image?.MediaId.ToString(CultureInfo.InvariantCulture),
            ImageAlt = f.Image?.Alt,
            ImageDecorative = f.Image?.Decorative ?? false,
            ImageCredit = f.Image?.Credit,
        };
        CurrentImage = f.Image;
    }

    protected override async Task<EventFields> ReadFormAsync(EventFields stored, CancellationToken cancellationToken)
    {
        var f = new EventFields
        {
            Kind = Line(Form.Kind),
            Description = Text(Form.Description),
            Online = Form.Online,
            VenueName = Line(Form.VenueName),
            StreetAddress = Line(Form.StreetAddress),
            PostalCode = Line(Form.PostalCode),
            City = Line(Form.City),
            AccessibilityInfo = Text(Form.AccessibilityInfo),
            ContactEmail = Line(Form.ContactEmail),
        };
        f.StartUtc = Moment(Form.StartDate, Form.StartTime, "Form.StartDate", "Indiquez la date et l'heure de début.");
        f.EndUtc = Moment(Form.EndDate, Form.EndTime, "Form.EndDate", "Indiquez la date et l'heure de fin.");
        f.RegistrationOpensUtc = Moment(Form.RegistrationOpensDate, Form.RegistrationOpensTime, "Form.RegistrationOpensDate", "Indiquez la date et l'heure d'ouverture des inscriptions.");
        f.RegistrationClosesUtc = Moment(Form.RegistrationClosesDate, Form.RegistrationClosesTime, "Form.RegistrationClosesDate", "Indiquez la date et l'heure de clôture des inscriptions.");
        f.Capacity = Integer(Form.Capacity, "Form.Capacity", "Indiquez le nombre de places en chiffres, par exemple 120.") ?? 0;

        f.Sessions = ReadSessions();
        CheckRooms(f.Sessions);
        Form.Questions = Form.Questions.Where(q => !q.IsEmpty).Take(EventType.MaxQuestions + 1).ToList();
        f.Questions = Form.Questions.Select((q, i) => new EventQuestion(
            Key(q.Key, q.Label), Line(q.Label), Line(q.Reason),
            Line(q.MaxLength).Length == 0 ? DefaultAnswerLength
                : Integer(q.MaxLength, $"Form.Questions[{i}].MaxLength", $"Question {i + 1} : indiquez la longueur maximale en caractères, un entier.") ?? 0)).ToList();
        for (var i = 0; i < Form.Questions.Count; i++) Form.Questions[i].Key = f.Questions[i].Key;

        ReadSetup(f);
        if (Item is not null) await CheckRegistrationsAsync(Item.Id, stored, f, cancellationToken);
        f.Image = await images.ReadFormAsync(Form, stored.Image, Actor.DisplayName, AddError, cancellationToken);
        CurrentImage = f.Image;
        return f;
    }

    protected override async Task SavedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        // Checked by ReadFormAsync; saved after the item (another database table, the same tenant database).
        var url = Online ? Line(Form.OnlineJoinUrl) : "";
        var days = int.Parse(Line(Form.ReminderDaysBefore), NumberStyles.None, CultureInfo.InvariantCulture);
        await setups.GetOrCreateAsync(item.Id, cancellationToken);
        await events.Setups.Where(s => s.EventId == item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.OnlineJoinUrl, url)
            .SetProperty(x => x.ReminderDaysBefore, days)
            .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        // A capacity raised gives its new seats to the people waiting, in order, at once (and tells them).
        await desk.FillFreeSeatsAsync(item.Id, cancellationToken);
    }

    private bool Online => Form.Online;

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        // After a form-only post (a row added), the image is known by its number only: show it again.
        if (CurrentImage is null && int.TryParse(Form.ImageMediaId, NumberStyles.None, CultureInfo.InvariantCulture, out var mediaId) && !Form.RemoveImage)
        {
            var stored = Item is null ? null : Type.Read(Item).Image;
            CurrentImage = stored?.MediaId == mediaId ? stored : (await images.FindAsync([mediaId], cancellationToken)).FirstOrDefault();
            if (CurrentImage is null) Form.ImageMediaId = null;
        }
    }

    public Task<IActionResult> OnPostAddSessionAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () =>
        {
            if (Form.Sessions.Count < EventType.MaxSessions) Form.Sessions.Add(new SessionRow { Date = Form.StartDate });
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveSessionAsync(int? id, int index, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => RemoveRow(Form.Sessions, index), cancellationToken);

    public Task<IActionResult> OnPostAddQuestionAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () =>
        {
            if (Form.Questions.Count < EventType.MaxQuestions) Form.Questions.Add(new EventQuestionRow { MaxLength = DefaultAnswerLength.ToString(CultureInfo.InvariantCulture) });
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int? id, int index, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => RemoveRow(Form.Questions, index), cancellationToken);

    private static Task RemoveRow<T>(List<T> rows, int index)
    {
        if (index >= 0 && index < rows.Count) rows.RemoveAt(index);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The programme's rows: empty ones dropped, the rest put in time order (as typed, so a row's messages follow it),
    /// each read on its day (the event's first day when left empty).
    /// </summary>
    private List<EventSession> ReadSessions()
    {
        foreach (var row in Form.Sessions.Where(r => string.IsNullOrWhiteSpace(r.Date))) row.Date = Form.StartDate;
        Form.Sessions = Form.Sessions.Where(r => !r.IsEmpty).Take(EventType.MaxSessions + 1)
            .OrderBy(r => Line(r.Date), StringComparer.Ordinal).ThenBy(r => Line(r.StartTime), StringComparer.Ordinal).ToList();
        var sessions = new List<EventSession>();
        for (var i = 0; i < Form.Sessions.Count; i++)
        {
            var row = Form.Sessions[i];
            var n = i + 1;
            var start = SessionMoment(row.Date, row.StartTime, $"Form.Sessions[{i}].StartTime", $"Séance {n} : indiquez son jour et son heure de début.");
            var end = SessionMoment(row.Date, row.EndTime, $"Form.Sessions[{i}].EndTime", $"Séance {n} : indiquez son jour et son heure de fin.");
            int? capacity = row.IsWorkshop
                ? Integer(row.Capacity, $"Form.Sessions[{i}].Capacity", $"Séance {n} : indiquez le nombre de places de l'atelier en chiffres.")
                : null;
            row.Key = Key(row.Key, row.Title);
            sessions.Add(new EventSession(row.Key, Line(row.Title), start, end, Line(row.Room), Line(row.Speakers), Text(row.Description), row.IsWorkshop, capacity));
        }
        return sessions;
    }

    /// <summary>Two sessions at overlapping times cannot be held in the same room.</summary>
    private void CheckRooms(List<EventSession> sessions)
    {
        for (var i = 0; i < sessions.Count; i++)
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (sessions[j], sessions[i]);
                if (b.Room.Length == 0 || !string.Equals(a.Room, b.Room, StringComparison.OrdinalIgnoreCase)) continue;
                if (a.StartUtc == default || b.StartUtc == default || a.EndUtc <= a.StartUtc || b.EndUtc <= b.StartUtc || !EventType.Overlap(a, b)) continue;
                AddError($"Form.Sessions[{i}].Room", $"Séance {i + 1} : la salle « {b.Room} » est déjà occupée par la séance {j + 1} à ce moment.");
                break;
            }
    }

    private void ReadSetup(EventFields f)
    {
        var url = Line(Form.OnlineJoinUrl);
        Form.OnlineJoinUrl = url;
        if (url.Length > 0)
        {
            if (!f.Online)
                AddError("Form.OnlineJoinUrl", "Le lien de connexion ne sert qu'aux événements en ligne : cochez « Événement en ligne » ou videz ce champ.");
            else if (url.Length > EventRules.UrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                AddError("Form.OnlineJoinUrl", "Indiquez l'adresse complète du lien de connexion, par exemple https://webinaire.example.fr/salle.");
        }
        var days = Line(Form.ReminderDaysBefore);
        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxReminderDays)
            AddError("Form.ReminderDaysBefore", $"Indiquez un nombre de jours entre 0 et {MaxReminderDays} (0 : pas de rappel).");
    }

    /// <summary>
    /// What registrations already hold cannot be taken away by an edit: a workshop people chose stays a workshop under
    /// the same key, and no capacity drops below the seats already taken.
    /// </summary>
    private async Task CheckRegistrationsAsync(int eventId, EventFields stored, EventFields f, CancellationToken cancellationToken)
    {
        var chosen = await events.WorkshopChoices.AsNoTracking().Where(c => c.EventId == eventId)
            .GroupBy(c => c.SessionKey).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var workshop in chosen.Where(c => !f.Sessions.Any(s => s.Key == c.Key && s.IsWorkshop)))
        {
            var title = stored.Sessions.FirstOrDefault(s => s.Key == workshop.Key)?.Title ?? workshop.Key;
            AddError("Form.Sessions", $"L'atelier « {title} » (clé {workshop.Key}) a déjà {workshop.Count} inscription(s) : il reste un atelier sous la même clé. Pour l'annuler, prévenez d'abord ses inscrits.");
        }
        var taken = await events.SeatCounters.AsNoTracking().Where(c => c.EventId == eventId && c.Taken > 0).ToDictionaryAsync(c => c.SessionKey, c => c.Taken, cancellationToken);
        if (taken.GetValueOrDefault("") is > 0 and var seats && f.Capacity > 0 && f.Capacity < seats)
            AddError("Form.Capacity", $"{seats} places sont déjà prises : la jauge ne peut pas descendre en dessous.");
        for (var i = 0; i < f.Sessions.Count; i++)
            if (f.Sessions[i] is { IsWorkshop: true, Capacity: { } capacity } s && taken.GetValueOrDefault(s.Key) is > 0 and var workshopSeats && capacity > 0 && capacity < workshopSeats)
                AddError($"Form.Sessions[{i}].Capacity", $"Séance {i + 1} : {workshopSeats} places de l'atelier sont déjà prises : sa jauge ne peut pas descendre en dessous.");
    }

    private static string Key(string? key, string? label)
        => Line(key) is { Length: > 0 } typed ? typed : Slugs.FromTitle(Line(label), 60);

    private DateTime Moment(string? date, string? time, string key, string missing)
    {
        if (string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(time)) return default;
        var (utc, error) = ParisTime.ParseToUtc(date, time);
        if (utc is null) AddError(key, error == "Indiquez la date et l'heure de publication." ? missing : error!);
        return utc ?? default;
    }

    /// <summary>A session's time on its day: both are needed, each missing one gets its message.</summary>
    private DateTime SessionMoment(string? date, string? time, string key, string missing)
    {
        if (string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time))
        {
            AddError(key, missing);
            return default;
        }
        return Moment(date, time, key, missing);
    }

    private int? Integer(string? text, string key, string message)
    {
        var value = new string(Line(text).Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray());
        if (value.Length == 0) return null;
        if (value.Length <= 9 && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return number;
        AddError(key, message);
        return null;
    }

    private static string? Date(DateTime utc) => utc == default ? null : ParisTime.FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTime utc) => utc == default ? null : ParisTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    [GeneratedRegex(@"^Sessions\[(\d+)\]\.(StartUtc|EndUtc)$")]
    private static partial Regex SessionField();
}
