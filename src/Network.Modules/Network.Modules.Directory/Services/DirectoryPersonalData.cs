using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Privacy;
using Network.Core.Tenancy;
using Network.Modules.Directory.Data;

namespace Network.Modules.Directory.Services;

/// <summary>
/// What the directory holds about an account in every tenant (the hub included): the member profile, the organisation
/// memberships and join requests, and the contact messages the account sent. Erasing deletes them all, with the
/// conversations the account took part in (the other party keeps nothing they could reply to) and its reports.
/// </summary>
public sealed class DirectoryPersonalData(RegionScopes tenants) : IPersonalDataSource
{
    public string ModuleId => DirectoryModule.ModuleId;
    public string Section => "annuaire";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var sites = await tenants.ReadEachAsync(ModuleId, async (tenant, services) =>
        {
            var db = services.GetRequiredService<DirectoryDbContext>();
            var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            var sent = await db.ContactMessages.AsNoTracking().Where(m => m.FromUserId == userId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            if (profile is null && memberships.Count == 0 && sent.Count == 0) return null;
            var threadIds = sent.Select(m => m.ThreadId).Distinct().ToList();
            var subjects = await db.ContactThreads.AsNoTracking().Where(t => threadIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Subject, cancellationToken);
            return new
            {
                site = tenant.Name,
                profil = profile is null ? null : new
                {
                    nom = profile.DisplayName, fonction = profile.Role, presentation = profile.Bio, competences = profile.TagList,
                    visible = profile.IsPublic, ouvertAuContact = profile.OpenToContact, creeLe = profile.CreatedUtc, modifieLe = profile.UpdatedUtc,
                },
                adhesions = memberships.Select(m => new
                {
                    organisation = m.OrganisationId, etat = m.Status.ToString(), administrateur = m.IsAdmin, message = m.Note, demandeeLe = m.RequestedUtc, decideeLe = m.DecidedUtc,
                }).ToList(),
                messagesEnvoyes = sent.Select(m => new { conversation = m.ThreadId, objet = subjects.GetValueOrDefault(m.ThreadId), texte = m.Body, envoyeLe = m.CreatedUtc }).ToList(),
            };
        }, includeHub: true);
        var held = sites.Where(s => s.Result is not null).Select(s => s.Result!).ToList();
        return held.Count == 0 ? null : held;
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
        => await tenants.ReadEachAsync(ModuleId, async (_, services) =>
        {
            var db = services.GetRequiredService<DirectoryDbContext>();
            var threads = await db.ContactThreads.Where(t => t.InitiatorId == userId || t.RecipientId == userId).Select(t => t.Id).ToListAsync(cancellationToken);
            await db.ContactReports.Where(r => threads.Contains(r.ThreadId) || r.ReporterId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.ContactMessages.Where(m => threads.Contains(m.ThreadId) || m.FromUserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.ContactThreads.Where(t => threads.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Profiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }, includeHub: true);
}
