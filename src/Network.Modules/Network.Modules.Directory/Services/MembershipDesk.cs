using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Directory.Services;

public enum MembershipOutcome { Done, NotFound, Forbidden, AlreadyAsked, AlreadyDecided, Invalid }

/// <summary>
/// Join requests: a signed-in member asks to belong to one of the tenant's published organisations; its administrators
/// (its accepted members marked administrator, and the coordinators) accept or refuse; each step mails the people
/// concerned through the outbox, in the same tenant transaction as the change.
/// </summary>
public sealed class MembershipDesk(
    DirectoryDbContext db, DatabaseSession session, OrganisationCatalog organisations, TenantMembers members,
    MailComposer composer, IMailOutbox outbox, TenantContext tenantContext, TimeProvider clock)
{
    public async Task<(MembershipOutcome Outcome, string? Problem)> RequestAsync(int organisationId, string userId, string userName, string? note, CancellationToken cancellationToken = default)
    {
        var organisation = await organisations.FindPublishedAsync(organisationId, cancellationToken);
        if (organisation is null) return (MembershipOutcome.NotFound, null);
        var text = (note ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length > DirectoryRules.NoteMaxLength)
            return (MembershipOutcome.Invalid, $"Votre message ne peut dépasser {DirectoryRules.NoteMaxLength} caractères (il en compte {text.Length}).");

        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var existing = await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == userId, cancellationToken);
        if (existing is { Status: MembershipStatus.Pending or MembershipStatus.Accepted }) return (MembershipOutcome.AlreadyAsked, null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            existing = new OrganisationMembership { OrganisationId = organisationId, UserId = userId };
            db.Memberships.Add(existing);
        }
        existing.UserName = userName.Trim();
        existing.Note = text;
        existing.Status = MembershipStatus.Pending;
        existing.IsAdmin = false;
        existing.RequestedUtc = now;
        existing.DecidedUtc = null;
        existing.DecidedByUserId = null;
        await db.SaveChangesAsync(cancellationToken);

        var tenant = tenantContext.Required;
        foreach (var admin in await AdministratorsAsync(organisationId, cancellationToken))
        {
            if (admin.UserId == userId) continue;
            await outbox.EnqueueAsync(composer.Create(tenant, admin.Email, admin.DisplayName, admin.PreferredCulture)
                .Subject("Demande d'adhésion à {0}", organisation.Item.Title)
                .Paragraph("{0} demande à rejoindre {1} dans l'annuaire.", existing.UserName, organisation.Item.Title)
                .Paragraph(text.Length > 0 ? "Son message : {0}" : "Sans message.", text)
                .Link("Accepter ou refuser la demande", $"/annuaire/{organisation.Item.Slug}/adhesions")
                .Build(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (MembershipOutcome.Done, null);
    }

    /// <summary>Coordinators of the tenant (content moderators) and the organisation's administrator members.</summary>
    public async Task<bool> CanAdministerAsync(int organisationId, string userId, bool isCoordinator, CancellationToken cancellationToken = default)
        => isCoordinator || await db.Memberships.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId
            && m.Status == MembershipStatus.Accepted && m.IsAdmin, cancellationToken);

    public async Task<IReadOnlyList<OrganisationMembership>> OfOrganisationAsync(int organisationId, CancellationToken cancellationToken = default)
        => await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.Status != MembershipStatus.Refused)
            .OrderBy(m => m.Status).ThenBy(m => m.RequestedUtc).ToListAsync(cancellationToken);

    public Task<OrganisationMembership?> OfUserAsync(int organisationId, string userId, CancellationToken cancellationToken = default)
        => db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == userId, cancellationToken);

    /// <summary>
    /// Accepts (optionally as administrator) or refuses a pending request of <paramref name="organisationId"/>; the
    /// membership must belong to that organisation (a forged id of another one, or of another tenant, is not found).
    /// </summary>
    public async Task<MembershipOutcome> DecideAsync(int organisationId, int membershipId, bool accept, bool asAdmin, string actorId, bool isCoordinator, CancellationToken cancellationToken = default)
    {
        var organisation = await organisations.FindPublishedAsync(organisationId, cancellationToken);
        if (organisation is null) return MembershipOutcome.NotFound;
        if (!await CanAdministerAsync(organisationId, actorId, isCoordinator, cancellationToken)) return MembershipOutcome.Forbidden;

        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == organisationId, cancellationToken);
        if (membership is null) return MembershipOutcome.NotFound;
        if (membership.Status != MembershipStatus.Pending) return MembershipOutcome.AlreadyDecided;
        membership.Status = accept ? MembershipStatus.Accepted : MembershipStatus.Refused;
        membership.IsAdmin = accept && asAdmin;
        membership.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        membership.DecidedByUserId = actorId;
        await db.SaveChangesAsync(cancellationToken);

        if (await members.FindAsync(membership.UserId, cancellationToken) is { } person)
        {
            var mail = composer.Create(tenantContext.Required, person.Email, person.DisplayName, person.PreferredCulture);
            mail = accept
                ? mail.Subject("Vous avez rejoint {0}", organisation.Item.Title)
                    .Paragraph("Votre demande d'adhésion à {0} est acceptée : l'organisation apparaît sur votre profil de l'annuaire s'il est public.", organisation.Item.Title)
                    .Link("Voir l'organisation", $"/annuaire/{organisation.Item.Slug}")
                : mail.Subject("Votre demande d'adhésion à {0}", organisation.Item.Title)
                    .Paragraph("Votre demande d'adhésion à {0} n'a pas été acceptée.", organisation.Item.Title);
            await outbox.EnqueueAsync(mail.Build(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return MembershipOutcome.Done;
    }

    private async Task<IReadOnlyList<TenantMember>> AdministratorsAsync(int organisationId, CancellationToken cancellationToken)
    {
        var result = (await members.WithPermissionAsync(DirectoryModule.ManagePermission, cancellationToken)).ToList();
        var adminIds = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Status == MembershipStatus.Accepted && m.IsAdmin)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var id in adminIds.Where(id => result.All(r => r.UserId != id)))
            if (await members.FindAsync(id, cancellationToken) is { } admin) result.Add(admin);
        return result;
    }
}
