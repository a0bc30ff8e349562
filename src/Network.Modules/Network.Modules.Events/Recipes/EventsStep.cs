using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Localization;
using Network.Core.Recipes;
using Network.Core.Text;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Media.Services;

namespace Network.Modules.Events.Recipes;

/// <summary>
/// <c>{ "name": "Events", "file": "content/hauts-de-france.events.json", "sample": true, "optional": true }</c>: events
/// published as the system, with their setup and, for the sample sites, registrations and recorded attendance.
/// </summary>
/// <remarks>
/// Dates are relative to today (Europe/Paris) so an upcoming sample event stays upcoming whenever the site is set up:
/// <c>day</c> is the event's day from today (negative: past), <c>start</c>/<c>end</c> and each session's are Paris
/// times "HH:mm" that day; registration opens at 9:00 (Paris) <c>registrationOpensInDays</c> from today and closes at
/// noon <c>registrationClosesInDays</c> from today (default: at the event's start). Sample registrants belong to no
/// account and have addresses under the reserved ".invalid" domain: no mail is ever sent to them (a past event's
/// reminders count as sent), and nobody holds their personal link (only a hash of a secret thrown away is stored).
/// The file: <c>{ "events": [ { "title", "summary", "shared", "day", "start", "end", "registrationOpensInDays",
/// "registrationClosesInDays", "fields" (the event's fields without dates, programme or image), "sessions": [ { "key",
/// "title", "start", "end", "room", "speakers", "description", "workshop", "capacity" } ], "image" (a sample image:
/// motif, palette, alt, credit), "setup": { "onlineJoinUrl", "reminderDaysBefore" }, "registrations": [ { "name",
/// "organisation", "workshops": ["key"], "present" (past events only: checked in) } ] } ] }</c>.
/// </remarks>
public sealed class EventsStep(IOptions<NetworkOptions> options, EventType type, TimeProvider clock) : RecipeStepHandler
{
    public const string StepName = "Events";

    /// <summary>The domain of sample registrants' addresses: reserved (RFC 2606), so nothing can ever be delivered there.</summary>
    public const string SampleEmailDomain = "exemple.invalid";

    public const int MaxRegistrationsPerEvent = 500;

    private static readonly string[] StepFields = ["name", "file", "optional", "sample"];
    private static readonly string[] EventFieldsAllowed =
        ["title", "summary", "shared", "day", "start", "end", "registrationOpensInDays", "registrationClosesInDays", "fields", "sessions", "image", "setup", "registrations"];

    /// <summary>Fields of <see cref="EventFields"/> the step works out itself: giving them in "fields" is an error.</summary>
    private static readonly string[] DerivedFields = ["startUtc", "endUtc", "registrationOpensUtc", "registrationClosesUtc", "sessions", "image"];

    public override string Name => StepName;
    public override bool NeedsTenantDatabase => true;

    private sealed record SampleSession(string Key, string Title, string Start, string End, string? Room, string? Speakers, string? Description, bool Workshop, int? Capacity);
    private sealed record SampleSetup(string? OnlineJoinUrl, int? ReminderDaysBefore);
    private sealed record SampleRegistration(string Name, string? Organisation, List<string>? Workshops, bool Present);
    private sealed record SampleEvent(string Title, string? Summary, bool? Shared, int Day, string Start, string End, int RegistrationOpensInDays,
        int? RegistrationClosesInDays, EventFields Fields, List<SampleSession>? Sessions, JsonObject? Image, SampleSetup? Setup,
        List<SampleRegistration>? Registrations);
    private sealed record SampleFile(List<SampleEvent> Events);

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k))) validation.Error(unknown, "champ inconnu");
        var file = validation.RequiredString(step, "file");
        if (!validation.Context.Features.Contains(EventsModule.ModuleId))
            validation.Error("name", "le module « Events » n'est pas activé par la recette avant cette étape");
        if (file is null || (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent)) return;
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "events");
        if (problem is { } found)
        {
            validation.Error(found.Field, found.Message);
            return;
        }
        if (root is null) return;
        if (root["events"] is not JsonArray events)
        {
            validation.Error($"{file} : events", "champ obligatoire : une liste d'événements");
            return;
        }
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < events.Count; i++)
        {
            var at = $"{file} : events[{i}]";
            if (events[i] is not JsonObject node)
            {
                validation.Error(at, "doit être un objet");
                continue;
            }
            foreach (var unknown in node.Select(p => p.Key).Where(k => !EventFieldsAllowed.Contains(k))) validation.Error($"{at}.{unknown}", "champ inconnu");
            if (node["fields"] is JsonObject fieldsNode)
                foreach (var derived in fieldsNode.Select(p => p.Key).Where(k => DerivedFields.Contains(k)))
                    validation.Error($"{at}.fields.{derived}", "donné par l'étape (day, start, end, registrationOpensInDays, sessions, image) : ne le donnez pas ici");
            if (node["image"] is JsonObject image) SampleImageUploader.ValidateSpec(image, (f, m) => validation.Error($"{at}.image.{f}", m));
            else if (node["image"] is not null) validation.Error($"{at}.image", "doit être un objet (motif, palette, alt, credit)");
            SampleEvent? sample;
            try
            {
                // Unknown names are reported above: read the rest, so their other problems are reported too.
                var known = node.DeepClone().AsObject();
                foreach (var unknown in known.Select(p => p.Key).Where(k => !EventFieldsAllowed.Contains(k)).ToList()) known.Remove(unknown);
                sample = known.Deserialize<SampleEvent>(RecipeFiles.StrictJson);
            }
            catch (JsonException e)
            {
                validation.Error(at + (e.Path is { Length: > 1 } p ? p[1..] : ""), $"valeur invalide ({e.Message.Split(". Path:")[0]})");
                continue;
            }
            if (sample is null) continue;
            if (!string.IsNullOrWhiteSpace(sample.Title) && !titles.Add(sample.Title.Trim())) validation.Error($"{at}.title", $"deux événements s'appellent « {sample.Title} »");
            foreach (var (field, message) in Check(sample)) validation.Error($"{at}.{field}", message);
        }
    }

    private IEnumerable<(string Field, string Message)> Check(SampleEvent sample)
    {
        if (string.IsNullOrWhiteSpace(sample.Title)) yield return ("title", "champ obligatoire");
        if (sample.Fields is null)
        {
            yield return ("fields", "champ obligatoire");
            yield break;
        }
        var times = new List<(string Field, string Value)> { ("start", sample.Start), ("end", sample.End) };
        var sessions = sample.Sessions ?? [];
        for (var s = 0; s < sessions.Count; s++)
        {
            times.Add(($"sessions[{s}].start", sessions[s].Start));
            times.Add(($"sessions[{s}].end", sessions[s].End));
        }
        var badTimes = times.Where(t => !TryTime(t.Value, out _)).ToList();
        foreach (var (field, value) in badTimes) yield return (field, $"heure invalide « {value} » : écrivez HH:mm (heure de Paris), par exemple 09:30");
        if (badTimes.Count > 0) yield break;
        if (sample.Day is < -365 or > 365) yield return ("day", "un jour entre -365 et 365 (jours à partir d'aujourd'hui)");
        if (sample.RegistrationOpensInDays > sample.Day) yield return ("registrationOpensInDays", "les inscriptions ouvrent au plus tard le jour de l'événement");
        if (sample.RegistrationClosesInDays is { } closes && (closes < sample.RegistrationOpensInDays || closes > sample.Day))
            yield return ("registrationClosesInDays", "les inscriptions ferment entre leur ouverture et le jour de l'événement");

        var now = clock.GetUtcNow().UtcDateTime;
        var fields = Dated(sample, now);
        foreach (var (field, message) in type.Validate(fields)) yield return (FieldPath(field), message);

        var setup = sample.Setup ?? new SampleSetup(null, null);
        var url = (setup.OnlineJoinUrl ?? "").Trim();
        if (fields.Online && url.Length == 0) yield return ("setup.onlineJoinUrl", "un événement en ligne a un lien de connexion (montré aux seuls inscrits confirmés)");
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && url.Length <= EventRules.UrlMaxLength))
            yield return ("setup.onlineJoinUrl", "une adresse web complète (https://…)");
        if (url.Length > 0 && !fields.Online) yield return ("setup.onlineJoinUrl", "seul un événement en ligne a un lien de connexion");
        if (setup.ReminderDaysBefore is < 0 or > 60) yield return ("setup.reminderDaysBefore", "un nombre de jours entre 0 (pas de rappel) et 60");

        var registrations = sample.Registrations ?? [];
        if (registrations.Count == 0) yield break;
        if (now < fields.RegistrationOpensUtc) yield return ("registrations", "les inscriptions de cet événement ne sont pas encore ouvertes : il ne peut pas avoir d'inscrits");
        if (registrations.Count > Math.Min(fields.Capacity, MaxRegistrationsPerEvent))
            yield return ("registrations", $"{registrations.Count} inscrits pour {fields.Capacity} places : les inscrits des exemples ont tous une place");
        var past = now >= fields.EndUtc;
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var workshops = fields.Sessions.Where(s => s.IsWorkshop).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < registrations.Count; r++)
        {
            var registration = registrations[r];
            var at = $"registrations[{r}]";
            if (string.IsNullOrWhiteSpace(registration.Name) || registration.Name.Length > EventRules.NameMaxLength) yield return ($"{at}.name", "indiquez le nom de la personne");
            else if (!emails.Add(SampleEmail(registration.Name))) yield return ($"{at}.name", $"« {registration.Name} » est déjà inscrit à cet événement");
            if ((registration.Organisation ?? "").Length > EventRules.OrganisationMaxLength) yield return ($"{at}.organisation", $"{EventRules.OrganisationMaxLength} caractères au plus");
            if (registration.Present && !past) yield return ($"{at}.present", "la présence ne se note que pour un événement passé");
            var chosen = registration.Workshops ?? [];
            if (chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count) yield return ($"{at}.workshops", "un atelier choisi deux fois");
            foreach (var key in chosen.Distinct(StringComparer.Ordinal))
            {
                if (!workshops.ContainsKey(key)) yield return ($"{at}.workshops", $"« {key} » n'est pas un atelier de l'événement");
                else taken[key] = taken.GetValueOrDefault(key) + 1;
            }
            var known = chosen.Where(workshops.ContainsKey).Distinct(StringComparer.Ordinal).Select(k => workshops[k]).ToList();
            for (var a = 0; a < known.Count; a++)
                for (var b = a + 1; b < known.Count; b++)
                    if (EventType.Overlap(known[a], known[b])) yield return ($"{at}.workshops", $"les ateliers « {known[a].Key} » et « {known[b].Key} » ont lieu en même temps");
        }
        foreach (var (key, count) in taken)
            if (count > workshops[key].Capacity) yield return ("registrations", $"{count} inscrits à l'atelier « {key} » pour {workshops[key].Capacity} places");
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent) return;
        var file = step["file"]!.GetValue<string>();
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "events");
        if (problem is { } found) throw new InvalidOperationException($"{file} : {found.Message}");
        if (root is null) return;
        var events = root.Deserialize<SampleFile>(RecipeFiles.StrictJson)!.Events;
        foreach (var sample in events) await CreateAsync(sample, context.Services, cancellationToken);
    }

    private async Task CreateAsync(SampleEvent sample, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ContentStore>();
        var db = services.GetRequiredService<EventsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = Dated(sample, now);
        if (sample.Image is { } image)
            fields.Image = await services.GetRequiredService<SampleImageUploader>().UploadAsync(image, Slugs.FromTitle(sample.Title), cancellationToken);
        var created = await store.CreateAsync(type, new ContentEdit(sample.Title, null, sample.Summary ?? "", sample.Shared ?? true, fields), ContentActor.System, cancellationToken);
        if (!created.Succeeded) throw new InvalidOperationException($"Événement « {sample.Title} » : {string.Join(" ", created.Errors.Select(e => e.Message))}");
        var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
        if (!published.Succeeded) throw new InvalidOperationException($"Événement « {sample.Title} » : {string.Join(" ", published.Errors.Select(e => e.Message))}");
        var eventId = published.Item!.Id;

        var setup = await services.GetRequiredService<EventSetups>().GetOrCreateAsync(eventId, cancellationToken);
        setup.OnlineJoinUrl = (sample.Setup?.OnlineJoinUrl ?? "").Trim();
        if (sample.Setup?.ReminderDaysBefore is { } days) setup.ReminderDaysBefore = days;
        var registrations = sample.Registrations ?? [];
        var past = now >= fields.EndUtc;
        if (past && registrations.Count > 0) setup.AttendanceClosedUtc = fields.EndUtc.AddHours(1);

        // Registrations arrive evenly between the opening and the closing (or now, for an event still open).
        var from = fields.RegistrationOpensUtc;
        var until = fields.RegistrationClosesUtc < now ? fields.RegistrationClosesUtc : now;
        var step = registrations.Count > 0 ? (until - from) / (registrations.Count + 1) : TimeSpan.Zero;
        var rows = new List<(EventRegistration Row, SampleRegistration Sample)>();
        for (var r = 0; r < registrations.Count; r++)
        {
            var registration = registrations[r];
            var at = from + step * (r + 1);
            var email = SampleEmail(registration.Name);
            var row = new EventRegistration
            {
                EventId = eventId,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                FullName = registration.Name.Trim(),
                Organisation = (registration.Organisation ?? "").Trim(),
                Culture = "fr",
                Status = RegistrationStatus.Confirmed,
                CreatedUtc = at,
                UpdatedUtc = at,
                AddressVerifiedUtc = at,
                ConfirmedUtc = at,
                // The secret of the personal link is never kept: nobody can use a sample registrant's link.
                TokenHash = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32))),
                ReminderSentUtc = past && setup.ReminderDaysBefore > 0 ? fields.StartUtc.AddDays(-setup.ReminderDaysBefore) : null,
                CheckedInUtc = registration.Present ? fields.StartUtc.AddMinutes(-20 + r % 35) : null,
            };
            db.Registrations.Add(row);
            rows.Add((row, registration));
        }
        await db.SaveChangesAsync(cancellationToken);

        var seats = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = rows.Count };
        foreach (var (row, registration) in rows)
        {
            db.AuditEntries.Add(new EventAuditEntry { EventId = eventId, RegistrationId = row.Id, UserName = ContentActor.System.DisplayName, Action = EventAuditActions.Registered, AtUtc = row.CreatedUtc });
            foreach (var key in (registration.Workshops ?? []).Distinct(StringComparer.Ordinal))
            {
                db.WorkshopChoices.Add(new WorkshopChoice
                {
                    RegistrationId = row.Id, EventId = eventId, SessionKey = key, Status = WorkshopChoiceStatus.Confirmed, CreatedUtc = row.CreatedUtc,
                    CheckedInUtc = row.CheckedInUtc is null ? null : fields.Sessions.First(s => s.Key == key).StartUtc.AddMinutes(-5),
                });
                seats[key] = seats.GetValueOrDefault(key) + 1;
            }
            if (row.CheckedInUtc is { } checkedIn)
                db.AuditEntries.Add(new EventAuditEntry { EventId = eventId, RegistrationId = row.Id, UserName = ContentActor.System.DisplayName, Action = EventAuditActions.CheckedIn, AtUtc = checkedIn });
        }
        foreach (var workshop in fields.Sessions.Where(s => s.IsWorkshop)) seats.TryAdd(workshop.Key, 0);
        foreach (var (key, count) in seats) db.SeatCounters.Add(new SeatCounter { EventId = eventId, SessionKey = key, Taken = count });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The event's fields with its dates worked out from today in Paris (see the class remarks).</summary>
    private static EventFields Dated(SampleEvent sample, DateTime nowUtc)
    {
        var today = ParisTime.FromUtc(nowUtc).Date;
        var day = today.AddDays(sample.Day);
        DateTime At(DateTime date, string time) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date + Time(time).ToTimeSpan(), DateTimeKind.Unspecified), ParisTime.Zone);
        var fields = sample.Fields;
        fields.StartUtc = At(day, sample.Start);
        fields.EndUtc = At(day, sample.End);
        fields.RegistrationOpensUtc = At(today.AddDays(sample.RegistrationOpensInDays), "09:00");
        fields.RegistrationClosesUtc = sample.RegistrationClosesInDays is { } closes ? At(today.AddDays(closes), "12:00") : fields.StartUtc;
        fields.Sessions = (sample.Sessions ?? []).Select(s => new EventSession(s.Key, s.Title, At(day, s.Start), At(day, s.End), s.Room ?? "", s.Speakers ?? "",
            s.Description ?? "", s.Workshop, s.Capacity)).ToList();
        return fields;
    }

    private static bool TryTime(string? value, out TimeOnly time)
        => TimeOnly.TryParseExact(value ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static TimeOnly Time(string value) => TryTime(value, out var time) ? time : throw new FormatException(value);

    /// <summary>A validation field of <see cref="EventType"/> ("Sessions[1].EndUtc") as written in the file ("sessions[1].end").</summary>
    private static string FieldPath(string field)
    {
        var parts = field.Split('.').Select(p => JsonNamingPolicy.CamelCase.ConvertName(p)).ToList();
        if (parts[0].StartsWith("sessions", StringComparison.Ordinal))
            return string.Join('.', parts.Select(p => p switch { "startUtc" => "start", "endUtc" => "end", "isWorkshop" => "workshop", _ => p }));
        return parts[0] switch
        {
            "startUtc" => "start",
            "endUtc" => "end",
            "registrationOpensUtc" => "registrationOpensInDays",
            "registrationClosesUtc" => "registrationClosesInDays",
            "imageAlt" or "imageCredit" => "image",
            _ => "fields." + string.Join('.', parts),
        };
    }

    /// <summary>"Camille Martin" → "camille.martin@exemple.invalid": stable, so registering the same name twice is caught.</summary>
    public static string SampleEmail(string name) => Slugs.FromTitle(name).Replace('-', '.') + "@" + SampleEmailDomain;
}
