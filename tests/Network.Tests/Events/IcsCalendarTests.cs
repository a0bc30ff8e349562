using System.Text;
using Network.Core.Localization;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Tests.Events;

/// <summary>The one RFC 5545 writer: every field, escaping, folding at 75 octets, CRLF, the Paris time zone, read back.</summary>
public sealed class IcsCalendarTests
{
    private static readonly DateTime Stamp = new(2026, 5, 2, 10, 15, 30, DateTimeKind.Utc);
    private static readonly DateTime SummerStart = new(2026, 6, 11, 7, 0, 0, DateTimeKind.Utc);

    private static IcsEvent Ascii() => new(
        "event-12@hauts-de-france.example.org",
        SummerStart, SummerStart.AddHours(8),
        "Regional day", "Gare Saint-Sauveur, 17 boulevard Lebas, 59000 Lille", "Talks; workshops, and lunch.\nSee you there\\",
        "https://example.org/hauts-de-france/evenements/regional-day",
        Sequence: 3, LastModifiedUtc: Stamp.AddDays(-1), Organizer: ("DRAC Hauts-de-France", "evenements@drac.example.fr"));

    [Fact]
    public void An_ascii_event_is_written_field_by_field()
    {
        var text = IcsCalendar.Write([Ascii()], Stamp);
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]); // ends with CRLF
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("VERSION:2.0", lines[1]);
        Assert.Equal("PRODID:" + IcsCalendar.ProductId, lines[2]);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("X-WR-CALNAME", StringComparison.Ordinal)); // a single event's file has no name

        var vevent = lines.SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT").Skip(1).ToList();
        Assert.Equal(
        [
            "UID:event-12@hauts-de-france.example.org",
            "DTSTAMP:20260502T101530Z",
            "DTSTART;TZID=Europe/Paris:20260611T090000",
            "DTEND;TZID=Europe/Paris:20260611T170000",
            "LAST-MODIFIED:20260501T101530Z",
            "SEQUENCE:3",
            "SUMMARY:Regional day",
            "LOCATION:Gare Saint-Sauveur\\, 17 boulevard Lebas\\, 59000 Lille",
            "DESCRIPTION:Talks\\; workshops\\, and lunch.\\nSee you there\\\\",
            "URL:https://example.org/hauts-de-france/evenements/regional-day",
            "ORGANIZER;CN=\"DRAC Hauts-de-France\":mailto:evenements@drac.example.fr",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
        ], vevent);
    }

    [Fact]
    public void The_paris_time_zone_is_defined_and_its_rules_match_the_system_zone()
    {
        var calendar = IcsParser.Parse(IcsCalendar.Write([Ascii()], Stamp));
        var zone = Assert.Single(calendar.All("VTIMEZONE"));
        Assert.Equal("Europe/Paris", zone.Text("TZID"));
        var daylight = Assert.Single(zone.All("DAYLIGHT"));
        var standard = Assert.Single(zone.All("STANDARD"));
        Assert.Equal(("+0100", "+0200"), (daylight.Single("TZOFFSETFROM").RawValue, daylight.Single("TZOFFSETTO").RawValue));
        Assert.Equal(("+0200", "+0100"), (standard.Single("TZOFFSETFROM").RawValue, standard.Single("TZOFFSETTO").RawValue));
        Assert.Equal("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", daylight.Single("RRULE").RawValue);
        Assert.Equal("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", standard.Single("RRULE").RawValue);
        Assert.Equal("19700329T020000", daylight.Single("DTSTART").RawValue);
        Assert.Equal("19701025T030000", standard.Single("DTSTART").RawValue);

        // The rules say: 2:00 CET on the last Sunday of March and 3:00 CEST on the last Sunday of October, both 1:00 UTC.
        for (var year = 2000; year <= 2040; year++)
        {
            foreach (var (month, before, after) in new[] { (3, 1, 2), (10, 2, 1) })
            {
                var lastSunday = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
                while (lastSunday.DayOfWeek != DayOfWeek.Sunday) lastSunday = lastSunday.AddDays(-1);
                Assert.Equal(TimeSpan.FromHours(before), ParisTime.Zone.GetUtcOffset(lastSunday.AddSeconds(-1)));
                Assert.Equal(TimeSpan.FromHours(after), ParisTime.Zone.GetUtcOffset(lastSunday));
            }
        }
    }

    [Fact]
    public void Times_are_paris_wall_times_in_summer_and_in_winter()
    {
        var winter = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);
        var calendar = IcsParser.Parse(IcsCalendar.Write([Ascii(), Ascii() with { Uid = "w@x", StartUtc = winter, EndUtc = winter.AddMinutes(90) }], Stamp));
        var events = calendar.All("VEVENT").ToList();
        Assert.Equal("20260611T090000", events[0].Single("DTSTART").RawValue);
        Assert.Equal("20261203T090000", events[1].Single("DTSTART").RawValue);
        Assert.Equal("20261203T103000", events[1].Single("DTEND").RawValue);
        Assert.All(events, e => Assert.Equal("Europe/Paris", e.Single("DTSTART").Parameters["TZID"]));
    }

    [Fact]
    public void An_ascii_event_reads_back_as_written()
    {
        var written = Ascii();
        var e = Assert.Single(IcsParser.Parse(IcsCalendar.WriteBytes([written], Stamp)).All("VEVENT"));
        Assert.Equal(written.Uid, e.Text("UID"));
        Assert.Equal(written.Summary, e.Text("SUMMARY"));
        Assert.Equal(written.Location, e.Text("LOCATION"));
        Assert.Equal(written.Description, e.Text("DESCRIPTION"));
        Assert.Equal(written.Url, e.Single("URL").RawValue);
        Assert.Equal("DRAC Hauts-de-France", e.Single("ORGANIZER").Parameters["CN"]);
    }

    [Fact]
    public void A_long_accented_description_is_folded_at_75_octets_without_splitting_characters_and_reads_back()
    {
        var description = string.Concat(Enumerable.Repeat("Journée régionale « Culture et Numérique » : ateliers, tables rondes ; déjeuner offert. Œuvres, 3D — 🎧 écoute. ", 12))
            + "\r\nDeuxième paragraphe, avec une barre oblique inverse \\ et un point-virgule ;\rfin.";
        var written = Ascii() with { Summary = "Journée régionale Culture et Numérique — édition 2026 à la Gare Saint-Sauveur de Lille", Description = description };
        var bytes = IcsCalendar.WriteBytes([written], Stamp);
        var e = Assert.Single(IcsParser.Parse(bytes).All("VEVENT")); // the parser checks 75 octets, CRLF and UTF-8 per line
        Assert.Equal(written.Summary, e.Text("SUMMARY"));
        Assert.Equal(description.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), e.Text("DESCRIPTION"));

        // Folded lines are filled: a continuation is cut only when the next character would not fit.
        var physical = Encoding.UTF8.GetString(bytes).Split("\r\n");
        var descriptionLines = physical.SkipWhile(l => !l.StartsWith("DESCRIPTION:", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith(' ')).ToList();
        Assert.True(descriptionLines.Count > 10);
        Assert.All(descriptionLines.SkipLast(1), l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 72, 75));
    }

    [Theory]
    [InlineData(75, false)]
    [InlineData(76, true)]
    public void A_line_of_75_octets_stays_whole_and_one_more_octet_folds_it(int octets, bool folded)
    {
        var line = "DESCRIPTION:" + new string('a', octets - 12);
        var result = IcsCalendar.Fold(line);
        Assert.Equal(folded, result.Contains("\r\n ", StringComparison.Ordinal));
        Assert.Equal(line, result.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("é")] // 2 octets
    [InlineData("€")] // 3 octets
    [InlineData("🎧")] // 4 octets, a surrogate pair in .NET
    public void A_fold_never_cuts_a_multibyte_character(string character)
    {
        for (var prefix = 60; prefix <= 75; prefix++)
        {
            var line = new string('x', prefix) + string.Concat(Enumerable.Repeat(character, 40));
            var folded = IcsCalendar.Fold(line);
            var strict = new UTF8Encoding(false, true);
            foreach (var physical in folded.Split("\r\n"))
            {
                var bytes = Encoding.UTF8.GetBytes(physical);
                Assert.InRange(bytes.Length, 1, 75);
                Assert.Equal(physical, strict.GetString(bytes));
            }
            Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Text_escaping_covers_backslash_semicolon_comma_and_every_kind_of_line_break()
    {
        Assert.Equal(@"a\,b\;c\\d\ne\nf\ng", IcsCalendar.EscapeText("a,b;c\\d\r\ne\nf\rg"));
        Assert.Equal("tab\tkept, bell dropped".Replace(",", "\\,", StringComparison.Ordinal), IcsCalendar.EscapeText("tab\tkept, bell\u0007 dropped"));
        Assert.Equal("", IcsCalendar.EscapeText(null));
    }

    [Fact]
    public void A_feed_has_a_name_and_several_events_with_their_own_uids()
    {
        var calendar = IcsParser.Parse(IcsCalendar.Write([Ascii(), Ascii() with { Uid = "event-13@hauts-de-france.example.org" }], Stamp, "Événements — Hauts-de-France"));
        Assert.Equal("Événements — Hauts-de-France", calendar.Text("X-WR-CALNAME"));
        Assert.Equal("Événements — Hauts-de-France", calendar.Text("NAME"));
        Assert.Equal(["event-12@hauts-de-france.example.org", "event-13@hauts-de-france.example.org"], calendar.All("VEVENT").Select(e => e.Text("UID")));
    }

    private static (ContentItem, EventFields) Item(bool online = false)
    {
        var fields = EventsTestKit.Fields(SummerStart);
        fields.Online = online;
        var item = new ContentItem { Id = 12, Title = "Journée régionale", Summary = "Une journée, des ateliers.", Version = 4, UpdatedUtc = Stamp.AddHours(-2) };
        return (item, fields);
    }

    [Fact]
    public void An_event_gives_its_location_description_url_sequence_and_status()
    {
        var (item, fields) = Item();
        var setup = new EventSetup { EventId = 12, Version = 2 };
        var ics = IcsCalendar.ForEvent(item, fields, setup, IcsCalendar.EventUid("hauts-de-france", 12, "hdf.example.org"), "https://hdf.example.org/evenements/journee", organizerName: "Hauts-de-France");
        Assert.Equal("event-12.hauts-de-france@hdf.example.org", ics.Uid);
        Assert.Equal("Gare Saint-Sauveur, 17 boulevard Jean-Baptiste Lebas, 59000 Lille", ics.Location);
        Assert.StartsWith("Une journée, des ateliers.\n\nUne journée pour partager les projets numériques", ics.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("**", ics.Description, StringComparison.Ordinal); // Markdown as plain text
        Assert.EndsWith("\n\nhttps://hdf.example.org/evenements/journee", ics.Description, StringComparison.Ordinal);
        Assert.Equal(6, ics.Sequence);
        Assert.Equal(IcsStatus.Confirmed, ics.Status);
        Assert.Equal(("Hauts-de-France", "evenements@drac.example.fr"), ics.Organizer);
        Assert.Equal("registration-7.hauts-de-france@hdf.example.org", IcsCalendar.RegistrationUid("hauts-de-france", 7, "hdf.example.org"));
    }

    [Fact]
    public void A_cancelled_event_is_cancelled_and_a_postponed_one_tentative_with_the_note_first()
    {
        var (item, fields) = Item();
        var cancelled = IcsCalendar.ForEvent(item, fields, new EventSetup { Status = EventStatus.Cancelled, StatusNote = "Grève des transports." }, "u@h", "https://h/e");
        Assert.Equal(IcsStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("Événement annulé. Grève des transports.\n\n", cancelled.Description, StringComparison.Ordinal);
        var e = Assert.Single(IcsParser.Parse(IcsCalendar.Write([cancelled], Stamp)).All("VEVENT"));
        Assert.Equal("CANCELLED", e.Single("STATUS").RawValue);

        var postponed = IcsCalendar.ForEvent(item, fields, new EventSetup { Status = EventStatus.Postponed }, "u@h", "https://h/e");
        Assert.Equal(IcsStatus.Tentative, postponed.Status);
        Assert.Equal("TENTATIVE", Assert.Single(IcsParser.Parse(IcsCalendar.Write([postponed], Stamp)).All("VEVENT")).Single("STATUS").RawValue);
    }

    [Fact]
    public void An_online_event_says_so_and_its_joining_link_appears_only_when_given()
    {
        var (item, fields) = Item(online: true);
        var publicFile = IcsCalendar.ForEvent(item, fields, new EventSetup { OnlineJoinUrl = "https://visio.example.org/secret" }, "u@h", "https://h/e");
        Assert.Equal("En ligne", publicFile.Location);
        Assert.DoesNotContain("visio", publicFile.Description, StringComparison.Ordinal);
        var registrantFile = IcsCalendar.ForEvent(item, fields, null, "u@h", "https://h/e", joinUrl: "https://visio.example.org/secret");
        Assert.Contains("https://visio.example.org/secret", registrantFile.Description, StringComparison.Ordinal);
    }
}
