using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Services;

/// <summary>A controlled vocabulary: its stored name, its French title, and the facet its values fill in items.</summary>
public sealed record VocabularyDefinition(string Name, string Title, string Facet);

/// <summary>The tenant's vocabularies. Values are stable (stored in items and filter URLs); labels may be renamed.</summary>
public static class Vocabularies
{
    public const string Domains = "domains";
    public const string Technologies = "technologies";

    public static readonly IReadOnlyList<VocabularyDefinition> All =
    [
        new(Domains, "Domaines culturels", "domain"),
        new(Technologies, "Technologies", "technology"),
    ];

    public static VocabularyDefinition? Find(string? name) => All.FirstOrDefault(v => v.Name == name);

    public const int LabelMaxLength = 120;
    public const int MaxTerms = 200;
}

/// <summary>One term as pages show it.</summary>
public sealed record VocabularyEntry(int Id, string Value, string Label, int Position);

/// <summary>The outcome of a change to a vocabulary: null error on success.</summary>
public sealed record VocabularyChange(string? Error, bool NotFound = false)
{
    public static readonly VocabularyChange Ok = new((string?)null);
    public bool Succeeded => Error is null && !NotFound;
}

/// <summary>
/// Reads the current tenant's vocabularies (cached until the tenant's content changes) and changes them for
/// coordinators: add, rename (the value stays, so items and addresses keep working), reorder, remove unused terms.
/// </summary>
public sealed class VocabularyService(ContentDbContext db, DatabaseSession session, TenantContext tenantContext, ContentChangeNotifier changes, VocabularyCache cache)
{
    private string Tenant => tenantContext.Required.Name;

    /// <summary>The terms of <paramref name="vocabulary"/>, in the coordinators' order.</summary>
    public async Task<IReadOnlyList<VocabularyEntry>> GetAsync(string vocabulary, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.GetValueOrDefault(vocabulary) ?? [];
    }

    /// <summary>Value → label of <paramref name="vocabulary"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(string vocabulary, CancellationToken cancellationToken = default)
        => (await GetAsync(vocabulary, cancellationToken)).ToDictionary(t => t.Value, t => t.Label, StringComparer.Ordinal);

    /// <summary>The label of a value; the value itself when the term is unknown (removed, or from another region on the hub).</summary>
    public async Task<string> LabelAsync(string vocabulary, string value, CancellationToken cancellationToken = default)
        => (await LabelsAsync(vocabulary, cancellationToken)).GetValueOrDefault(value) ?? value;

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<VocabularyEntry>>> AllAsync(CancellationToken cancellationToken)
    {
        var generation = changes.Generation(Tenant);
        if (cache.TryGet(Tenant, generation, out var cached)) return cached;
        var terms = await db.VocabularyTerms.AsNoTracking().OrderBy(t => t.Vocabulary).ThenBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var result = terms.GroupBy(t => t.Vocabulary, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<VocabularyEntry>)g.Select(t => new VocabularyEntry(t.Id, t.Value, t.Label, t.Position)).ToList(), StringComparer.Ordinal);
        cache.Set(Tenant, generation, result);
        return result;
    }

    /// <summary>How many of the tenant's own items use the term (hub copies do not count: they follow their region).</summary>
    public Task<int> UsesAsync(VocabularyDefinition vocabulary, string value, CancellationToken cancellationToken = default)
        => db.FacetValues.Where(f => f.Facet == vocabulary.Facet && f.Value == value)
            .Join(db.Items.Where(i => i.OriginTenant == null), f => f.ItemId, i => i.Id, (f, i) => i.Id)
            .Distinct().CountAsync(cancellationToken);

    public async Task<VocabularyChange> AddAsync(string vocabulary, string? label, CancellationToken cancellationToken = default)
    {
        if (Vocabularies.Find(vocabulary) is null) return new VocabularyChange(null, NotFound: true);
        var (clean, error) = CheckLabel(label);
        if (error is not null) return new VocabularyChange(error);
        var value = Slugs.FromTitle(clean, Vocabularies.LabelMaxLength);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var terms = await db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary).ToListAsync(cancellationToken);
        if (terms.FirstOrDefault(t => t.Value == value) is { } existing)
            return new VocabularyChange($"Ce terme existe déjà : « {existing.Label} ».");
        if (terms.Count >= Vocabularies.MaxTerms) return new VocabularyChange($"Une liste ne peut compter plus de {Vocabularies.MaxTerms} termes.");
        db.VocabularyTerms.Add(new VocabularyTerm { Vocabulary = vocabulary, Value = value, Label = clean, Position = terms.Count == 0 ? 1 : terms.Max(t => t.Position) + 1 });
        return await SaveAsync(transaction, cancellationToken, "Ce terme vient d'être ajouté par quelqu'un d'autre.");
    }

    public async Task<VocabularyChange> RenameAsync(string vocabulary, int id, string? label, CancellationToken cancellationToken = default)
    {
        var (clean, error) = CheckLabel(label);
        if (error is not null) return new VocabularyChange(error);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var term = await db.VocabularyTerms.FirstOrDefaultAsync(t => t.Id == id && t.Vocabulary == vocabulary, cancellationToken);
        if (term is null) return new VocabularyChange(null, NotFound: true);
        if (await db.VocabularyTerms.AnyAsync(t => t.Vocabulary == vocabulary && t.Id != id && t.Label == clean, cancellationToken))
            return new VocabularyChange($"Un autre terme porte déjà le libellé « {clean} ».");
        term.Label = clean;
        return await SaveAsync(transaction, cancellationToken);
    }

    /// <param name="offset">-1 to move up, +1 to move down.</param>
    public async Task<VocabularyChange> MoveAsync(string vocabulary, int id, int offset, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var terms = await db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary).OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var index = terms.FindIndex(t => t.Id == id);
        if (index < 0) return new VocabularyChange(null, NotFound: true);
        var target = index + Math.Sign(offset);
        if (offset == 0 || target < 0 || target >= terms.Count) return VocabularyChange.Ok;
        (terms[index], terms[target]) = (terms[target], terms[index]);
        // Positions are renumbered 1..n: the order stays well defined whatever the history of moves.
        for (var i = 0; i < terms.Count; i++) terms[i].Position = i + 1;
        return await SaveAsync(transaction, cancellationToken);
    }

    public async Task<VocabularyChange> RemoveAsync(string vocabulary, int id, CancellationToken cancellationToken = default)
    {
        if (Vocabularies.Find(vocabulary) is not { } definition) return new VocabularyChange(null, NotFound: true);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var term = await db.VocabularyTerms.FirstOrDefaultAsync(t => t.Id == id && t.Vocabulary == vocabulary, cancellationToken);
        if (term is null) return new VocabularyChange(null, NotFound: true);
        var uses = await UsesAsync(definition, term.Value, cancellationToken);
        if (uses > 0)
            return new VocabularyChange(uses == 1
                ? $"« {term.Label} » est utilisé par 1 contenu : retirez-le de ce contenu avant de supprimer le terme, ou renommez-le."
                : $"« {term.Label} » est utilisé par {uses} contenus : retirez-le de ces contenus avant de supprimer le terme, ou renommez-le.");
        db.VocabularyTerms.Remove(term);
        return await SaveAsync(transaction, cancellationToken);
    }

    private static (string Label, string? Error) CheckLabel(string? label)
    {
        var clean = string.Join(' ', (label ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0) return ("", "Indiquez le libellé du terme.");
        if (clean.Length > Vocabularies.LabelMaxLength) return ("", $"Le libellé ne peut dépasser {Vocabularies.LabelMaxLength} caractères.");
        if (Slugs.FromTitle(clean).Length == 0) return ("", "Le libellé doit contenir au moins une lettre ou un chiffre.");
        return (clean, null);
    }

    private async Task<VocabularyChange> SaveAsync(SessionTransaction transaction, CancellationToken cancellationToken, string conflict = "La liste a été modifiée en même temps par quelqu'un d'autre : rechargez la page.")
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new VocabularyChange(conflict);
        }
        await transaction.CommitAsync(cancellationToken);
        // Lists, editors and the cache read the new labels at once.
        changes.Changed(Tenant);
        return VocabularyChange.Ok;
    }
}

/// <summary>Each tenant's vocabularies, kept until the tenant's content generation changes.</summary>
public sealed class VocabularyCache
{
    private readonly ConcurrentDictionary<string, (long Generation, IReadOnlyDictionary<string, IReadOnlyList<VocabularyEntry>> Terms)> _entries = new(StringComparer.Ordinal);

    internal bool TryGet(string tenant, long generation, out IReadOnlyDictionary<string, IReadOnlyList<VocabularyEntry>> terms)
    {
        if (_entries.TryGetValue(tenant, out var entry) && entry.Generation == generation)
        {
            terms = entry.Terms;
            return true;
        }
        terms = null!;
        return false;
    }

    internal void Set(string tenant, long generation, IReadOnlyDictionary<string, IReadOnlyList<VocabularyEntry>> terms) => _entries[tenant] = (generation, terms);
}
