using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;

namespace Network.Modules.Practices.Services;

/// <summary>Readable labels of the values the lists filter on (tag addresses, vocabulary terms).</summary>
public static class PracticeLabels
{
    /// <summary>The tenant's cultural domains: value → label.</summary>
    public static async Task<Dictionary<string, string>> DomainsAsync(ContentDbContext db, CancellationToken cancellationToken)
        => (await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == "domains").OrderBy(t => t.Position)
                .Select(t => new { t.Value, t.Label }).ToListAsync(cancellationToken))
            .DistinctBy(t => t.Value).ToDictionary(t => t.Value, t => t.Label, StringComparer.Ordinal);

    /// <summary>Tag address → the tag as first written, from the listed items.</summary>
    public static Dictionary<string, string> Tags(IEnumerable<ContentCard> cards)
        => Network.Modules.Content.Services.ContentTags.Labels(cards, c => c.FieldsAs<Data.PracticeFields>().Tags, PracticeType.TagMaxLength);

    /// <summary>A value with no label (a term removed from the vocabulary since): readable anyway.</summary>
    public static string Fallback(string value)
        => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..].Replace('-', ' ');
}
