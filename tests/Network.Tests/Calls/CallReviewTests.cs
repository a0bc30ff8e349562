using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>
/// The review through the pages: the coordinators' pool, settings, start and assignments; the reviewers' declaration,
/// draft, submission and what they may see; and every bad input refused with nothing changed.
/// </summary>
public sealed class CallReviewTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    private Task<Person> Coordinator() => factory.PersonAsync(Hdf, NetworkRoles.Coordinator, "Claude Coordinatrice");
    private Task<Person> Reviewer(string name = "Rémi Évaluateur", string tenant = Hdf) => factory.PersonAsync(tenant, NetworkRoles.Reviewer, name);
    private Task<Person> Applicant(string name = "Alix Candidate") => factory.PersonAsync(Hdf, NetworkRoles.Member, name);

    private static string Setup(CallView call) => $"/{Hdf}/admin/appels/{call.Id}/evaluation";
    private static string Sheet(int assignmentId) => $"/{Hdf}/admin/evaluations/{assignmentId}";

    private Task<T> Db<T>(Func<CallsDbContext, Task<T>> read) => factory.InTenantAsync(Hdf, sp => read(sp.GetRequiredService<CallsDbContext>()));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string formSelector, string? handler, IDictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(handler is null ? pageUrl : $"{pageUrl}?handler={handler}", new FormUrlEncodedContent(values));
    }

    private static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) => HtmlForms.Parse(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Coordinators_build_the_pool_start_the_review_and_assign_evenly()
    {
        var coordinator = await Coordinator();
        var client = await coordinator.ClientAsync(factory);
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel réparti");
        var reviewers = new[] { await Reviewer("Ada Jury"), await Reviewer("Béa Jury"), await Reviewer("Cyril Jury") };
        var applications = new List<CallApplication>();
        for (var i = 0; i < 4; i++) applications.Add(await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant($"Candidat {i}")));

        var page = await client.GetDocumentAsync(Setup(call));
        Assert.NotNull(page.QuerySelector("#add-reviewer-form"));
        foreach (var reviewer in reviewers)
        {
            var added = await PostAsync(client, Setup(call), "#add-reviewer-form", "AddReviewer", new Dictionary<string, string> { ["userId"] = reviewer.User.Id });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Equal(3, await Db(db => db.Reviewers.CountAsync(r => r.CallId == call.Id)));

        var start = await PostAsync(client, Setup(call), "#start-form", "Start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.NotNull(await Db(db => db.Rounds.Where(r => r.CallId == call.Id).Select(r => r.ReviewStartedUtc).FirstAsync()));

        var distributed = await PostAsync(client, Setup(call), "#distribute-form", "Distribute", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, distributed.StatusCode);
        var reviews = await Db(db => db.Reviews.AsNoTracking().Where(r => r.CallId == call.Id).ToListAsync());
        Assert.Equal(8, reviews.Count);
        Assert.All(applications, a => Assert.Equal(2, reviews.Count(r => r.ApplicationId == a.Id)));
        var loads = reviews.GroupBy(r => r.ReviewerUserId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1);
        Assert.Equal(8, await Db(db => db.AuditEntries.CountAsync(e => e.CallId == call.Id && e.Action == CallAuditActions.ReviewerAssigned)));

        // Running it again keeps everything as it is.
        await PostAsync(client, Setup(call), "#distribute-form", "Distribute", new Dictionary<string, string>());
        Assert.Equal(8, await Db(db => db.Reviews.CountAsync(r => r.CallId == call.Id)));

        // Unassigning is logged.
        var unassigned = await PostAsync(client, Setup(call), "#assignments", "Unassign", new Dictionary<string, string> { ["assignmentId"] = reviews[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Equal(7, await Db(db => db.Reviews.CountAsync(r => r.CallId == call.Id)));
        Assert.True(await Db(db => db.AuditEntries.AnyAsync(e => e.CallId == call.Id && e.Action == CallAuditActions.ReviewerUnassigned && e.ApplicationId == reviews[0].ApplicationId)));

        // The reviewer's admin menu leads to their assignments.
        var reviewerClient = await reviewers[0].ClientAsync(factory);
        var list = await reviewerClient.GetDocumentAsync($"/{Hdf}/admin/evaluations");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith("/admin/evaluations") == true);
        Assert.Equal(reviews.Count(r => r.ReviewerUserId == reviewers[0].User.Id && r.Id != reviews[0].Id), list.QuerySelectorAll("#reviewer-assignments tbody tr").Length);
    }

    [Fact]
    public async Task Starting_the_review_before_the_deadline_is_refused()
    {
        var client = await (await Coordinator()).ClientAsync(factory);
        var call = await factory.CreateOpenCallAsync(Hdf, "Appel encore ouvert");
        var response = await PostAsync(client, Setup(call), "#start-form", "Start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date limite de dépôt n'est pas passée", (await ReadAsync(response)).QuerySelector("#review-error")!.TextContent);
        Assert.Null(await Db(db => db.Rounds.Where(r => r.CallId == call.Id).Select(r => r.ReviewStartedUtc).FirstAsync()));
        Assert.Null((await client.GetDocumentAsync(Setup(call))).QuerySelector("#distribute-form"));
    }

    [Fact]
    public async Task Accounts_without_the_reviewer_permission_and_the_applicant_are_refused()
    {
        var client = await (await Coordinator()).ClientAsync(factory);
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel aux refus");
        var member = await factory.PersonAsync(Hdf, NetworkRoles.Contributor, "Cora Contributrice");
        var elsewhere = await Reviewer("Nadia Ailleurs", Na);
        foreach (var person in new[] { member, elsewhere })
        {
            var response = await PostAsync(client, Setup(call), "#settings-form", "AddReviewer", new Dictionary<string, string> { ["userId"] = person.User.Id });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(0, await Db(db => db.Reviewers.CountAsync(r => r.CallId == call.Id)));

        // A reviewer who also applied is never given their own application.
        var both = await Reviewer("Basile Double");
        var own = await factory.AddSubmittedApplicationAsync(Hdf, call, both);
        await PostAsync(client, Setup(call), "#add-reviewer-form", "AddReviewer", new Dictionary<string, string> { ["userId"] = both.User.Id });
        var refused = await PostAsync(client, Setup(call), "#settings-form", "Assign", new Dictionary<string, string> { ["applicationId"] = own.Id.ToString(), ["reviewerUserId"] = both.User.Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await PostAsync(client, Setup(call), "#distribute-form", "Distribute", new Dictionary<string, string>());
        Assert.False(await Db(db => db.Reviews.AnyAsync(r => r.ApplicationId == own.Id)));

        // Reviewers per application out of range or not a number.
        foreach (var value in new[] { "0", "11", "deux" })
        {
            var response = await PostAsync(client, Setup(call), "#settings-form", "Settings", new Dictionary<string, string> { ["reviewsPerApplication"] = value });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(2, await Db(db => db.Rounds.Where(r => r.CallId == call.Id).Select(r => r.ReviewsPerApplication).FirstAsync()));

        // Reviewers and members cannot reach the coordinators' pages.
        var reviewerClient = await (await Reviewer()).ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerClient.GetAsync(Setup(call))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerClient.GetAsync($"/{Hdf}/admin/appels/{call.Id}/classement.csv")).StatusCode);
        var memberClient = await member.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync($"/{Hdf}/admin/evaluations")).StatusCode);
    }

    [Fact]
    public async Task A_declared_conflict_removes_the_assignment_and_is_logged()
    {
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel aux conflits");
        var application = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant());
        var reviewer = await Reviewer("Hugo Lié");
        var assignment = await factory.AssignReviewerAsync(Hdf, call, application, reviewer);
        var client = await reviewer.ClientAsync(factory);

        var page = await client.GetDocumentAsync(Sheet(assignment.Id));
        Assert.NotNull(page.QuerySelector("#conflict-form"));
        Assert.Null(page.QuerySelector("#application"));
        var missing = await PostAsync(client, Sheet(assignment.Id), "#conflict-form", "Declare", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var declared = await PostAsync(client, Sheet(assignment.Id), "#conflict-form", "Declare", new Dictionary<string, string> { ["conflict"] = "yes", ["note"] = "Ancien salarié de la structure" });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.False(await Db(db => db.Reviews.AnyAsync(r => r.Id == assignment.Id)));
        var entry = await Db(db => db.AuditEntries.FirstAsync(e => e.ApplicationId == application.Id && e.Action == CallAuditActions.ConflictDeclared));
        Assert.Equal(reviewer.User.Id, entry.UserId);
        Assert.Contains("Ancien salarié", entry.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Sheet(assignment.Id))).StatusCode);

        // Neither the even assignment nor a coordinator gives it back to them.
        var coordinator = await (await Coordinator()).ClientAsync(factory);
        await PostAsync(coordinator, Setup(call), "#distribute-form", "Distribute", new Dictionary<string, string>());
        Assert.False(await Db(db => db.Reviews.AnyAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == reviewer.User.Id)));
        var manual = await PostAsync(coordinator, Setup(call), "#distribute-form", "Assign", new Dictionary<string, string> { ["applicationId"] = application.Id.ToString(), ["reviewerUserId"] = reviewer.User.Id });
        Assert.Equal(HttpStatusCode.BadRequest, manual.StatusCode);
        Assert.Contains("Conflit d'intérêts déclaré : Hugo Lié", (await coordinator.GetDocumentAsync(Setup(call))).QuerySelector($"#application-{application.Id}")!.TextContent);
    }

    [Fact]
    public async Task A_reviewer_saves_a_draft_submits_once_and_then_sees_the_others()
    {
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel noté", blindReview: true);
        var application = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant());
        var first = await Reviewer("Iris Première");
        var second = await Reviewer("Jules Second");
        var firstAssignment = await factory.AssignReviewerAsync(Hdf, call, application, first);
        var secondAssignment = await factory.AssignReviewerAsync(Hdf, call, application, second, startReview: false);
        var firstClient = await first.ClientAsync(factory);
        var secondClient = await second.ClientAsync(factory);
        foreach (var (client, id) in new[] { (firstClient, firstAssignment.Id), (secondClient, secondAssignment.Id) })
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Sheet(id), "#conflict-form", "Declare", new Dictionary<string, string> { ["conflict"] = "no" })).StatusCode);

        // Blind: the project, never who applied.
        var html = await firstClient.GetStringAsync(Sheet(firstAssignment.Id));
        Assert.Contains("Visite sonore du beffroi", html);
        foreach (var identity in new[] { "Les Amis du Beffroi", "73282932000074", "Camille Martin", "camille.martin@example.org", "Général de Gaulle", "Office de tourisme" })
            Assert.DoesNotContain(identity, html);

        // A draft may be incomplete.
        var draft = await PostAsync(firstClient, Sheet(firstAssignment.Id), "#review-form", "Save", await FormAsync(firstClient, firstAssignment.Id, ("innovation", "7,5", "Original")));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var stored = await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == firstAssignment.Id));
        Assert.Equal(ReviewStatus.InProgress, stored.Status);
        Assert.Equal(7.5m, stored.ReadScores().Single(s => s.Criterion == "innovation").Score);

        // Submitting needs every criterion and an opinion.
        var incomplete = await PostAsync(firstClient, Sheet(firstAssignment.Id), "#review-form", "Submit", await FormAsync(firstClient, firstAssignment.Id, ("innovation", "8", ""), ("publics", "6", "")));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await ReadAsync(incomplete)).QuerySelector("#review-error")!.TextContent;
        Assert.Contains("Notez ce critère", errors);
        Assert.Contains("avis général", errors);
        Assert.Equal(ReviewStatus.InProgress, (await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == firstAssignment.Id))).Status);

        // The second reviewer's draft stays hidden from the first, even after the first submits.
        await PostAsync(secondClient, Sheet(secondAssignment.Id), "#review-form", "Save", await FormAsync(secondClient, secondAssignment.Id, ("innovation", "2", "Avis très réservé du second")));
        var complete = await FormAsync(firstClient, firstAssignment.Id, ("innovation", "8", "Dispositif inédit"), ("publics", "6", "Familles"), ("faisabilite", "4", "Calendrier tenable"));
        complete["opinion"] = "Favourable";
        var submitted = await PostAsync(firstClient, Sheet(firstAssignment.Id), "#review-form", "Submit", complete);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = await firstClient.GetStringAsync(Sheet(firstAssignment.Id));
        Assert.DoesNotContain("Avis très réservé du second", after);
        Assert.Null(HtmlForms.Parse(after).QuerySelector("#review-form"));

        // The second reviewer does not see the first's scores before submitting, and does after.
        var before = await secondClient.GetStringAsync(Sheet(secondAssignment.Id));
        Assert.DoesNotContain("Dispositif inédit", before);
        var secondComplete = await FormAsync(secondClient, secondAssignment.Id, ("innovation", "2", "Avis très réservé du second"), ("publics", "2", ""), ("faisabilite", "1", ""));
        secondComplete["opinion"] = "Unfavourable";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secondClient, Sheet(secondAssignment.Id), "#review-form", "Submit", secondComplete)).StatusCode);
        Assert.Contains("Dispositif inédit", await secondClient.GetStringAsync(Sheet(secondAssignment.Id)));
        Assert.Contains("Avis très réservé du second", await firstClient.GetStringAsync(Sheet(firstAssignment.Id)));

        // Submitting again, or saving after submission, changes nothing.
        var version = (await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == firstAssignment.Id))).Version;
        complete["innovation"] = "1";
        foreach (var handler in new[] { "Submit", "Save" })
        {
            var replay = await firstClient.PostAsync($"{Sheet(firstAssignment.Id)}?handler={handler}", new FormUrlEncodedContent(complete));
            Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        }
        var final = await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == firstAssignment.Id));
        Assert.Equal(version, final.Version);
        Assert.Equal(8m, final.ReadScores().Single(s => s.Criterion == "innovation").Score);
        Assert.Equal(2, await Db(db => db.AuditEntries.CountAsync(e => e.ApplicationId == application.Id && e.Action == CallAuditActions.ReviewSubmitted)));

        // The ranking: 29/40 = 72.5 % and 8/40 = 20 % → mean 46.25 (shown 46,3), spread 26.25: divergent.
        var coordinator = await (await Coordinator()).ClientAsync(factory);
        var ranking = await coordinator.GetDocumentAsync($"/{Hdf}/admin/appels/{call.Id}/classement");
        var row = ranking.QuerySelector($"#rank-{application.Id}")!;
        Assert.Contains("46,3 %", row.TextContent);
        Assert.Contains("Divergence", row.TextContent);
        Assert.Contains("2 sur 2", row.TextContent);
    }

    [Fact]
    public async Task Bad_scores_are_refused_with_a_message_next_to_the_field_and_nothing_changes()
    {
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel aux mauvaises notes");
        var application = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant());
        var reviewer = await Reviewer();
        var assignment = await factory.AssignReviewerAsync(Hdf, call, application, reviewer);
        var client = await reviewer.ClientAsync(factory);
        await PostAsync(client, Sheet(assignment.Id), "#conflict-form", "Declare", new Dictionary<string, string> { ["conflict"] = "no" });
        var version = (await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == assignment.Id))).Version;

        foreach (var (value, message) in new[] { ("11", "entre 0 et 10"), ("-1", "entre 0 et 10"), ("sept", "Saisissez un nombre"), ("7,25", "demi-point"), ("1e3", "Saisissez un nombre") })
        {
            var response = await PostAsync(client, Sheet(assignment.Id), "#review-form", "Save", await FormAsync(client, assignment.Id, ("innovation", value, "")));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var document = await ReadAsync(response);
            Assert.Contains(message, document.QuerySelector("#score-innovation-messages")!.TextContent);
            Assert.Equal(value, ((IHtmlInputElement)document.QuerySelector("#score-innovation")!).Value);
        }
        var forgedOpinion = await FormAsync(client, assignment.Id, ("innovation", "5", ""));
        forgedOpinion["opinion"] = "42";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, Sheet(assignment.Id), "#review-form", "Save", forgedOpinion)).StatusCode);

        var unchanged = await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == assignment.Id));
        Assert.Equal(version, unchanged.Version);
        Assert.Equal("[]", unchanged.ScoresJson);

        // A stale version (another tab saved meanwhile) is refused.
        var stale = await FormAsync(client, assignment.Id, ("innovation", "5", ""));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Sheet(assignment.Id), "#review-form", "Save", await FormAsync(client, assignment.Id, ("innovation", "6", "")))).StatusCode);
        var conflict = await PostAsync(client, Sheet(assignment.Id), "#review-form", "Save", stale);
        Assert.Equal(HttpStatusCode.BadRequest, conflict.StatusCode);
        Assert.Contains("autre onglet", (await ReadAsync(conflict)).QuerySelector("#review-error")!.TextContent);
        Assert.Equal(6m, (await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == assignment.Id))).ReadScores().Single(s => s.Criterion == "innovation").Score);
    }

    [Fact]
    public async Task Reviewers_reach_only_their_own_assignments()
    {
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel cloisonné");
        var application = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant());
        var owner = await Reviewer("Léa Titulaire");
        var assignment = await factory.AssignReviewerAsync(Hdf, call, application, owner);

        var otherReviewer = await Reviewer("Marc Voisin");
        var otherClient = await otherReviewer.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(Sheet(assignment.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(Sheet(999_999))).StatusCode);
        // Posting scores on someone else's assignment: the antiforgery token of one's own page, the other's id.
        var ownCall = await factory.CreateClosedCallAsync(Hdf, "Appel du voisin");
        var ownApplication = await factory.AddSubmittedApplicationAsync(Hdf, ownCall, await Applicant("Autre candidat"));
        var own = await factory.AssignReviewerAsync(Hdf, ownCall, ownApplication, otherReviewer);
        var token = (await otherClient.GetDocumentAsync(Sheet(own.Id))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Declare", "Save", "Submit" })
        {
            var forged = await otherClient.PostAsync($"{Sheet(assignment.Id)}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["conflict"] = "no", ["score-innovation"] = "10", ["version"] = "0",
            }));
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        Assert.Equal(ReviewStatus.Assigned, (await Db(db => db.Reviews.AsNoTracking().FirstAsync(r => r.Id == assignment.Id))).Status);

        // A reviewer of another region finds nothing here (their role is not granted in this tenant).
        var elsewhere = await Reviewer("Nina Bordeaux", Na);
        var elsewhereClient = await elsewhere.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhereClient.GetAsync(Sheet(assignment.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhereClient.GetAsync($"/{Na}/admin/evaluations/{assignment.Id}")).StatusCode);

        // The applicant holds no reviewer role.
        var applicantClient = await (await Applicant("Paul Candidat")).ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicantClient.GetAsync(Sheet(assignment.Id))).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_holds_every_score_and_comment_and_neutralises_formulas()
    {
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel exporté");
        var form = CallsTestKit.CompleteForm("=HYPERLINK(\"http://evil.example\";\"clic\")");
        var application = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant(), form);
        var unreviewed = await factory.AddSubmittedApplicationAsync(Hdf, call, await Applicant("Sans avis"), CallsTestKit.CompleteForm("Projet sans évaluation"));
        var reviewer = await Reviewer("Olga Exporte");
        var assignment = await factory.AssignReviewerAsync(Hdf, call, application, reviewer);
        var client = await reviewer.ClientAsync(factory);
        await PostAsync(client, Sheet(assignment.Id), "#conflict-form", "Declare", new Dictionary<string, string> { ["conflict"] = "no" });
        var values = await FormAsync(client, assignment.Id, ("innovation", "9", "Très \"neuf\", vraiment\nsur deux lignes"), ("publics", "5", "@publics"), ("faisabilite", "2.5", "-risque"));
        values["opinion"] = "Reserved";
        values["overallComment"] = "+ à revoir";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Sheet(assignment.Id), "#review-form", "Submit", values)).StatusCode);

        var coordinator = await (await Coordinator()).ClientAsync(factory);
        var response = await coordinator.GetAsync($"/{Hdf}/admin/appels/{call.Id}/classement.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CsvParser.Parse(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.Equal(header.Count, rows[1].Count);
        Assert.Equal(3, rows.Count);
        var reviewed = rows[1];
        string Cell(string column) => reviewed[header.IndexOf(column)];
        Assert.Equal("1", Cell("Rang"));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\";\"clic\")", Cell("Projet"));
        Assert.Equal("Olga Exporte", Cell("Évaluateur"));
        // 2×9 + 1.5×5 + 1×2.5 = 28 of 40.
        Assert.Equal("70", Cell("Total de l'évaluation (%)"));
        Assert.Equal("9", Cell("Caractère innovant (note sur 10, coefficient 2)"));
        Assert.Equal("Très \"neuf\", vraiment\nsur deux lignes", Cell("Caractère innovant (commentaire)").Replace("\r\n", "\n"));
        Assert.Equal("'@publics", Cell("Publics touchés (commentaire)"));
        Assert.Equal("2.5", Cell("Faisabilité (note sur 5, coefficient 1)"));
        Assert.Equal("'-risque", Cell("Faisabilité (commentaire)"));
        Assert.Equal("Réservé", Cell("Avis"));
        Assert.Equal("'+ à revoir", Cell("Commentaire général"));
        Assert.Equal("Projet sans évaluation", rows[2][header.IndexOf("Projet")]);
        Assert.Equal("", rows[2][header.IndexOf("Rang")]);
    }

    /// <summary>The scoring form's fields with the given criteria's score and comment.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, int assignmentId, params (string Criterion, string Score, string Comment)[] scores)
    {
        var document = await client.GetDocumentAsync(Sheet(assignmentId));
        var values = HtmlForms.FormValues(document, "#review-form").GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (criterion, score, comment) in scores)
        {
            values[$"score-{criterion}"] = score;
            values[$"comment-{criterion}"] = comment;
        }
        return values;
    }
}

/// <summary>A strict RFC 4180 reader, to check the export by reading it back.</summary>
public static class CsvParser
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else if (c is '"' or '\r' or '\n') throw new FormatException($"Unquoted {(int)c} at {i}");
            else cell.Append(c);
        }
        Assert.False(quoted, "unterminated quote");
        Assert.True(row.Count == 0 && cell.Length == 0, "the last line must end with CRLF");
        return rows;
    }
}
