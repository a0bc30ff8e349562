using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SearchBench;

/// <summary>One benchmark query: what was typed, and the region searched (null: the hub, every region).</summary>
public sealed record BenchQuery(string Q, string? Tenant);

/// <summary>
/// Generates what people type in a search box on a phone: one to three words, mostly specific (a craft, a place, a
/// technique), some broad ("numérique"), names of communes and people, inflections other than the corpus's most
/// common one; about a quarter typed without accents, some capitalised by the keyboard, a few phrases, prefixes,
/// OR, exclusions and misspellings; about 30% asked in one region rather than on the hub.
/// </summary>
public sealed class QueryGenerator(int seed)
{
    public const double AccentlessShare = 0.25;
    public const double TenantShare = 0.30;

    private static readonly string[] Broad =
        ["numérique", "musée", "patrimoine", "culture", "exposition", "archives", "médiation", "jeunes", "bibliothèque", "projet", "musées", "visite", "3D"];

    private static readonly string[] Phrases =
        ["réalité augmentée", "réalité virtuelle", "appel à projets", "visite virtuelle", "archives départementales", "jumeau numérique",
         "application mobile", "escape game", "éducation artistique", "centre d'interprétation", "site web", "données ouvertes"];

    private readonly BenchRandom _random = new(seed);
    private readonly WeightedTable _regions = WeightedTable.FromWeights(Vocabulary.Regions.Select(region => region.Weight));
    private readonly WeightedTable _nouns = WeightedTable.Zipf(Vocabulary.Nouns.Length, 0.5);
    private readonly WeightedTable _adjectives = WeightedTable.Zipf(Vocabulary.Adjectives.Length, 0.5);
    private readonly WeightedTable _tail = WeightedTable.Zipf(CorpusGenerator.TailVocabulary.Count, 0.6);

    public static void Write(TextWriter output, int count, int seed)
    {
        var generator = new QueryGenerator(seed);
        for (var index = 0; index < count; index++)
        {
            var query = generator.Next();
            var line = query.Tenant is null
                ? JsonSerializer.Serialize(new Dictionary<string, string> { ["q"] = query.Q }, CorpusGenerator.JsonOptions)
                : JsonSerializer.Serialize(new Dictionary<string, string> { ["q"] = query.Q, ["tenant"] = query.Tenant }, CorpusGenerator.JsonOptions);
            output.Write(line);
            output.Write('\n');
        }
    }

    public BenchQuery Next()
    {
        // The region first: someone searching a region's site names that region's communes.
        _tenant = _random.Chance(TenantShare) ? Vocabulary.Regions[_regions.Sample(_random)].Slug : null;
        var roll = _random.NextDouble();
        var text = roll switch
        {
            < 0.22 => SpecificWord(),
            < 0.32 => _random.Pick(Broad),
            < 0.42 => Rare(),
            < 0.52 => $"{NounForm()} {AdjectiveFor()}",
            < 0.58 => $"{NounForm()} {Commune()}",
            < 0.63 => Commune(),
            < 0.66 => _random.Pick(Vocabulary.Surnames),
            < 0.72 => $"{NounForm()} {AdjectiveFor()} {Commune()}",
            < 0.76 => $"\"{_random.Pick(Phrases)}\"",
            < 0.81 => Prefix(),
            < 0.85 => $"{NounForm()} OR {NounForm()}",
            < 0.89 => $"{NounForm()} -{AdjectiveFor()}",
            < 0.95 => Misspell(SpecificWord()),
            _ => $"{Technology()} {NounForm()}",
        };
        if (_random.Chance(AccentlessShare)) text = StripAccents(text);
        if (_random.Chance(0.15)) text = char.ToUpper(text[0], CultureInfo.GetCultureInfo("fr-FR")) + text[1..];
        return new BenchQuery(text, _tenant);
    }

    /// <summary>A domain word in any of its forms (so often not the corpus's most frequent one).</summary>
    private string SpecificWord() => _random.Next(3) switch
    {
        0 => NounForm(),
        1 => Vocabulary.Adjectives[_adjectives.Sample(_random)].Form(_random.Chance(0.5), _random.Chance(0.5)),
        _ => VerbForm(),
    };

    private Noun _lastNoun = Vocabulary.Nouns[0];

    private string NounForm()
    {
        _lastNoun = Vocabulary.Nouns[_nouns.Sample(_random)];
        return _random.Chance(0.6) ? _lastNoun.Singular : _lastNoun.Plural;
    }

    private string AdjectiveFor()
        => Vocabulary.Adjectives[_adjectives.Sample(_random)].Form(_lastNoun.Feminine, _random.Chance(0.3));

    private string VerbForm()
    {
        var verb = _random.Pick(Vocabulary.Verbs);
        return _random.Next(4) switch { 0 => verb.Infinitive, 1 => verb.Singular, 2 => verb.Plural, _ => verb.Participle };
    }

    private string Rare() => CorpusGenerator.TailVocabulary[_tail.Sample(_random)];

    private string? _tenant;

    private string Commune()
    {
        var region = _tenant ?? Vocabulary.Regions[_regions.Sample(_random)].Slug;
        return _random.Pick(Vocabulary.Communes[region]);
    }

    private string Technology() => _random.Pick(["3D", "virtuelle", "réalité", "photogrammétrie", "numérisation", "podcast", "tablette", "QR", "casque", "application"]);

    private string Prefix()
    {
        var word = _random.Chance(0.5) ? NounForm() : _random.Pick(Broad);
        return word.Length <= 4 ? word + "*" : word[.._random.Between(4, Math.Min(7, word.Length))] + "*";
    }

    /// <summary>A typing slip: a letter dropped, doubled or swapped with its neighbour.</summary>
    private string Misspell(string word)
    {
        if (word.Length < 5) return word + word[^1];
        var at = _random.Between(1, word.Length - 2);
        return _random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            _ => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
        };
    }

    public static string StripAccents(string text)
    {
        var decomposed = text.Replace("œ", "oe", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark) result.Append(character);
        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
