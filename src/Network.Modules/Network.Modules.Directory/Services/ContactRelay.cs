using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Directory.Services;

public enum ContactOutcome { Sent, NotFound, Refused, Invalid, RateLimited }

public sealed record ContactResult(ContactOutcome Outcome, int? ThreadId = null, IReadOnlyList<(string Field, string Message)>? Problems = null)
{
    public IReadOnlyList<(string Field, string Message)> Errors => Problems ?? [];
}

/// <summary>A conversation as a participant sees it: the other party's name, and their address once revealed.</summary>
public sealed record ContactConversation(ContactThread Thread, IReadOnlyList<ContactMessage> Messages, bool IsRecipient, string OtherName, string? OtherEmail, bool Reported);

/// <summary>
/// The contact relay. A member writes to a member whose public profile is open to contact: the message is stored and
/// mailed to the recipient from the site's no-reply address, without the sender's address, with a link to the
/// conversation's page (reply, report). Nothing reaches the sender but the site's page, so neither address is disclosed.
/// When the recipient replies (on that page), the conversation is "revealed": the sender's mail carries the recipient's
/// address as Reply-To and every later mail in the conversation carries the writer's, so both carry on by e-mail;
/// the page shows both addresses from then on. Sending is limited per sender (new conversations per hour) and refuses
/// empty, oversized and link-stuffed messages.
/// </summary>
public sealed partial class ContactRelay(
    DirectoryDbContext db, DatabaseSession session, TenantMembers members, MailComposer composer, IMailOutbox outbox,
    TenantContext tenantContext, TimeProvider clock)
{
    /// <summary>New conversations a member may start per <see cref="RateWindow"/>.</summary>
    public const int MaxNewConversationsPerWindow = 5;
    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    [GeneratedRegex(@"https?://|www\.|\[[^\]]*\]\(|<a\s", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    /// <summary>The problems of a message body (field "Body"), in French; none when it may be sent.</summary>
    public static List<(string Field, string Message)> CheckBody(string? body, string? subject = null, bool needsSubject = false)
    {
        var problems = new List<(string, string)>();
        var text = (body ?? "").Trim();
        if (needsSubject)
        {
            var s = (subject ?? "").Trim();
            if (s.Length == 0) problems.Add(("Subject", "Indiquez l'objet de votre message."));
            else if (s.Length > DirectoryRules.SubjectMaxLength) problems.Add(("Subject", $"L'objet ne peut dépasser {DirectoryRules.SubjectMaxLength} caractères."));
        }
        if (text.Length == 0) problems.Add(("Body", "Écrivez votre message."));
        else if (text.Length < DirectoryRules.MessageMinLength) problems.Add(("Body", $"Votre message est trop court : écrivez au moins {DirectoryRules.MessageMinLength} caractères."));
        else if (text.Length > DirectoryRules.MessageMaxLength) problems.Add(("Body", $"Votre message ne peut dépasser {DirectoryRules.MessageMaxLength} caractères (il en compte {text.Length})."));
        else if (LinkPattern().Count(text) is var links && links > DirectoryRules.MaxLinksPerMessage)
            problems.Add(("Body", $"Votre message contient {links} liens : {DirectoryRules.MaxLinksPerMessage} au plus sont permis, pour éviter les envois publicitaires."));
        return problems;
    }

    /// <summary>Starts a conversation with the owner of the public, open profile <paramref name="profileKey"/>.</summary>
    public async Task<ContactResult> StartAsync(string profileKey, string senderId, string senderName, string? subject, string? body, CancellationToken cancellationToken = default)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Key == profileKey && p.IsPublic, cancellationToken);
        if (profile is null) return new(ContactOutcome.NotFound);
        if (!profile.OpenToContact || profile.UserId == senderId) return new(ContactOutcome.Refused);
        var problems = CheckBody(body, subject, needsSubject: true);
        if (problems.Count > 0) return new(ContactOutcome.Invalid, Problems: problems);
        var recipient = await members.FindAsync(profile.UserId, cancellationToken);
        if (recipient is null) return new(ContactOutcome.Refused);

        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RateWindow;
        if (await db.ContactThreads.CountAsync(t => t.InitiatorId == senderId && t.CreatedUtc > since, cancellationToken) >= MaxNewConversationsPerWindow)
            return new(ContactOutcome.RateLimited);
        var thread = new ContactThread { InitiatorId = senderId, RecipientId = profile.UserId, Subject = subject!.Trim(), CreatedUtc = now };
        db.ContactThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        db.ContactMessages.Add(new ContactMessage { ThreadId = thread.Id, FromUserId = senderId, Body = body!.Trim(), CreatedUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        await outbox.EnqueueAsync(composer.Create(tenantContext.Required, recipient.Email, recipient.DisplayName, recipient.PreferredCulture)
            .Subject("Message de {0} via l'annuaire : {1}", senderName, thread.Subject)
            .Paragraph("{0} vous écrit depuis votre profil de l'annuaire :", senderName)
            .Paragraph("{0}", body.Trim())
            .Paragraph("Son adresse ne vous est pas communiquée, et la vôtre ne lui est pas communiquée non plus. Si vous répondez depuis le site, vos deux adresses seront échangées pour que vous poursuiviez par courriel.")
            .Link("Lire et répondre sur le site", $"/annuaire/messages/{thread.Id}")
            .Link("Signaler ce message", $"/annuaire/messages/{thread.Id}#signaler")
            .Build(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ContactOutcome.Sent, thread.Id);
    }

    /// <summary>Adds a participant's reply; the recipient's first reply reveals both addresses.</summary>
    public async Task<ContactResult> ReplyAsync(int threadId, string userId, string userName, string? body, CancellationToken cancellationToken = default)
    {
        var problems = CheckBody(body);
        var thread = await db.ContactThreads.FirstOrDefaultAsync(t => t.Id == threadId && (t.InitiatorId == userId || t.RecipientId == userId), cancellationToken);
        if (thread is null) return new(ContactOutcome.NotFound);
        if (problems.Count > 0) return new(ContactOutcome.Invalid, Problems: problems);
        // Before the recipient has answered, the sender may not pile messages on: one message, then wait.
        if (thread.RevealedUtc is null && thread.InitiatorId == userId) return new(ContactOutcome.Refused);
        var otherId = thread.InitiatorId == userId ? thread.RecipientId : thread.InitiatorId;
        var other = await members.FindAsync(otherId, cancellationToken);
        var writer = await members.FindAsync(userId, cancellationToken);
        if (other is null || writer is null) return new(ContactOutcome.Refused);

        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        thread.RevealedUtc ??= now;
        db.ContactMessages.Add(new ContactMessage { ThreadId = thread.Id, FromUserId = userId, Body = body!.Trim(), CreatedUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(composer.Create(tenantContext.Required, other.Email, other.DisplayName, other.PreferredCulture)
            .Subject("Réponse de {0} : {1}", userName, thread.Subject)
            .Paragraph("{0} vous répond :", userName)
            .Paragraph("{0}", body.Trim())
            .Paragraph("Vous pouvez maintenant lui répondre directement par courriel, à {0}.", writer.Email)
            .Link("Voir la conversation sur le site", $"/annuaire/messages/{thread.Id}")
            .ReplyTo(writer.Email)
            .Build(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ContactOutcome.Sent, thread.Id);
    }

    /// <summary>The conversation as participant <paramref name="userId"/> sees it, or null for anyone else.</summary>
    public async Task<ContactConversation?> ConversationAsync(int threadId, string userId, CancellationToken cancellationToken = default)
    {
        var thread = await db.ContactThreads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId && (t.InitiatorId == userId || t.RecipientId == userId), cancellationToken);
        if (thread is null) return null;
        var messages = await db.ContactMessages.AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var otherId = thread.InitiatorId == userId ? thread.RecipientId : thread.InitiatorId;
        var other = await members.FindAsync(otherId, cancellationToken);
        var reported = await db.ContactReports.AnyAsync(r => r.ThreadId == threadId && r.ReporterId == userId, cancellationToken);
        return new ContactConversation(thread, messages, thread.RecipientId == userId, other?.DisplayName ?? "Compte supprimé",
            thread.RevealedUtc is null ? null : other?.Email, reported);
    }

    /// <summary>A participant reports the conversation to the coordinators (once per participant).</summary>
    public async Task<ContactOutcome> ReportAsync(int threadId, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var text = (reason ?? "").Trim();
        if (text.Length > DirectoryRules.NoteMaxLength) return ContactOutcome.Invalid;
        var thread = await db.ContactThreads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId && (t.InitiatorId == userId || t.RecipientId == userId), cancellationToken);
        if (thread is null) return ContactOutcome.NotFound;
        if (await db.ContactReports.AnyAsync(r => r.ThreadId == threadId && r.ReporterId == userId, cancellationToken)) return ContactOutcome.Sent;
        db.ContactReports.Add(new ContactReport { ThreadId = threadId, ReporterId = userId, Reason = text, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return ContactOutcome.Sent;
    }

    /// <summary>Open reports with their conversation, for the coordinators.</summary>
    public async Task<IReadOnlyList<(ContactReport Report, ContactThread Thread, IReadOnlyList<ContactMessage> Messages)>> OpenReportsAsync(CancellationToken cancellationToken = default)
    {
        var reports = await db.ContactReports.AsNoTracking().Where(r => r.ClosedUtc == null).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.ThreadId).Distinct().ToList();
        var threads = await db.ContactThreads.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var messages = (await db.ContactMessages.AsNoTracking().Where(m => ids.Contains(m.ThreadId)).ToListAsync(cancellationToken)).ToLookup(m => m.ThreadId);
        return reports.Where(r => threads.ContainsKey(r.ThreadId))
            .Select(r => (r, threads[r.ThreadId], (IReadOnlyList<ContactMessage>)messages[r.ThreadId].OrderBy(m => m.CreatedUtc).ToList())).ToList();
    }

    public async Task<bool> CloseReportAsync(int reportId, CancellationToken cancellationToken = default)
    {
        var report = await db.ContactReports.FirstOrDefaultAsync(r => r.Id == reportId && r.ClosedUtc == null, cancellationToken);
        if (report is null) return false;
        report.ClosedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
