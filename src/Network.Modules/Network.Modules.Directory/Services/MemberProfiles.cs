using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;

namespace Network.Modules.Directory.Services;

/// <summary>What a member types on their profile page.</summary>
public sealed record ProfileInput(string? DisplayName, string? Role, string? Bio, string? Tags, bool IsPublic, bool OpenToContact);

/// <summary>A public profile as the directory shows it, with the organisations the member belongs to (accepted memberships).</summary>
public sealed record PublicProfile(MemberProfile Profile, IReadOnlyList<(string Title, string Slug)> Organisations);

/// <summary>
/// Member profiles of the tenant's directory: private by default (absent from every list, page, search and export
/// until the member makes the profile public), edited only by their owner.
/// </summary>
public sealed class MemberProfiles(DirectoryDbContext db, DatabaseSession session, OrganisationCatalog organisations, TimeProvider clock)
{
    public const int PageSize = 24;

    public Task<MemberProfile?> FindOwnAsync(string userId, CancellationToken cancellationToken = default)
        => db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>Checks and saves the member's own profile; returns the problems (field, French message), none when saved.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> SaveAsync(string userId, ProfileInput input, CancellationToken cancellationToken = default)
    {
        var tags = ContentTags.Parse(input.Tags);
        var problems = Validate(input, tags);
        if (problems.Count > 0) return problems;
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = userId, Key = NewKey(), CreatedUtc = now };
            db.Profiles.Add(profile);
        }
        profile.DisplayName = input.DisplayName!.Trim();
        profile.Role = (input.Role ?? "").Trim();
        profile.Bio = (input.Bio ?? "").Replace("\r\n", "\n").Trim();
        profile.Tags = string.Join('\n', tags);
        profile.IsPublic = input.IsPublic;
        // Contact goes through the public profile: a private one cannot be written to.
        profile.OpenToContact = input.IsPublic && input.OpenToContact;
        profile.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public static List<(string Field, string Message)> Validate(ProfileInput input, IReadOnlyList<string> tags)
    {
        var problems = new List<(string, string)>();
        var name = (input.DisplayName ?? "").Trim();
        if (name.Length == 0) problems.Add(("DisplayName", "Indiquez le nom à afficher."));
        else if (name.Length > DirectoryRules.NameMaxLength) problems.Add(("DisplayName", $"Le nom ne peut dépasser {DirectoryRules.NameMaxLength} caractères."));
        if ((input.Role ?? "").Trim().Length > DirectoryRules.NameMaxLength) problems.Add(("Role", $"La fonction ne peut dépasser {DirectoryRules.NameMaxLength} caractères."));
        if ((input.Bio ?? "").Trim().Length > DirectoryRules.BioMaxLength) problems.Add(("Bio", $"La présentation ne peut dépasser {DirectoryRules.BioMaxLength} caractères."));
        foreach (var (_, message) in ContentTags.Validate(tags, DirectoryRules.MaxTags, DirectoryRules.TagMaxLength)) problems.Add(("Tags", message));
        return problems;
    }

    /// <summary>The public profile at this address, or null (unknown or private: the same answer).</summary>
    public async Task<PublicProfile?> FindPublicAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key.Length is 0 or > DirectoryRules.KeyMaxLength) return null;
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key && p.IsPublic, cancellationToken);
        return profile is null ? null : (await WithOrganisationsAsync([profile], cancellationToken))[0];
    }

    /// <summary>Public profiles, by name, filtered by a text (name, role, tags) and a tag; paged.</summary>
    public async Task<(IReadOnlyList<PublicProfile> Page, int Total)> ListPublicAsync(string? text, string? tag, int page, CancellationToken cancellationToken = default)
    {
        var all = await db.Profiles.AsNoTracking().Where(p => p.IsPublic).ToListAsync(cancellationToken);
        var query = all.AsEnumerable();
        if (OrganisationNames.Normalise(text) is { Length: > 0 } wanted)
            query = query.Where(p => OrganisationNames.Normalise($"{p.DisplayName} {p.Role} {string.Join(' ', p.TagList)}").Contains(wanted, StringComparison.Ordinal));
        if (OrganisationNames.Normalise(tag) is { Length: > 0 } wantedTag)
            query = query.Where(p => p.TagList.Any(t => OrganisationNames.Normalise(t) == wantedTag));
        var matching = query.OrderBy(p => OrganisationNames.Normalise(p.DisplayName), StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        var shown = matching.Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToList();
        return (await WithOrganisationsAsync(shown, cancellationToken), matching.Count);
    }

    private async Task<IReadOnlyList<PublicProfile>> WithOrganisationsAsync(IReadOnlyList<MemberProfile> profiles, CancellationToken cancellationToken)
    {
        var users = profiles.Select(p => p.UserId).ToList();
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => users.Contains(m.UserId) && m.Status == MembershipStatus.Accepted)
            .Select(m => new { m.UserId, m.OrganisationId }).ToListAsync(cancellationToken);
        var snapshot = await organisations.SnapshotAsync(cancellationToken);
        var published = snapshot.Items.Where(c => c.Item.OriginTenant is null).ToDictionary(c => c.Item.Id);
        return profiles.Select(p => new PublicProfile(p, memberships.Where(m => m.UserId == p.UserId && published.ContainsKey(m.OrganisationId))
            .Select(m => (published[m.OrganisationId].Item.Title, published[m.OrganisationId].Item.Slug)).ToList())).ToList();
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
