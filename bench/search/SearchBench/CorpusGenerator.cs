using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SearchBench;

/// <summary>One generated document, as written on a corpus line.</summary>
public sealed record CorpusDocument(
    string Id,
    string Tenant,
    string Type,
    string Title,
    string Summary,
    string Body,
    DateOnly Date,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Technologies,
    string? Programme);

/// <summary>
/// Generates a French digital-culture corpus: sentences assembled from templates, a domain vocabulary with its
/// inflections, real regions and communes, and a synthetic long tail of rare words, every choice drawn with Zipf
/// weights so that a few words are very common and most are rare, as in real text. Articles, contractions (du, aux)
/// and elisions (l', d', qu') follow the words' gender and first letter. The same seed gives the same documents.
/// </summary>
public sealed class CorpusGenerator
{
    public const int MinTitleWords = 4;
    public const int MaxTitleWords = 12;
    public const int MinBodyWords = 150;
    public const int MaxBodyWords = 600;
    public const int TailSize = 30_000;

    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Roles =
        ["directrice", "directeur", "chargée de mission numérique", "conservatrice", "conservateur", "responsable des publics", "médiateur numérique",
         "maire", "adjointe à la culture", "archiviste", "bibliothécaire", "cheffe de projet", "président", "coordinatrice"];

    private static readonly string[] EventKinds =
        ["Journée d'étude", "Atelier", "Rencontre", "Webinaire", "Festival", "Colloque", "Formation", "Visite guidée", "Séminaire", "Hackathon", "Nuit des musées"];

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] Adverbs =
        ["autrement", "librement", "facilement", "ensemble", "gratuitement", "à distance", "en famille", "pas à pas", "en ligne", "sur place", "en classe", "toute l'année"];

    private readonly BenchRandom _random;
    private readonly WeightedTable _regions = WeightedTable.FromWeights(Vocabulary.Regions.Select(region => region.Weight));
    private readonly WeightedTable _types = WeightedTable.FromWeights(Vocabulary.Types.Select(type => type.Weight));
    private readonly WeightedTable _nouns = WeightedTable.Zipf(Vocabulary.Nouns.Length, 0.9);
    private readonly WeightedTable _adjectives = WeightedTable.Zipf(Vocabulary.Adjectives.Length, 0.9);
    private readonly WeightedTable _verbs = WeightedTable.Zipf(Vocabulary.Verbs.Length, 0.9);
    private readonly WeightedTable _tech = WeightedTable.Zipf(Vocabulary.TechPhrases.Length, 1.0);
    private readonly WeightedTable _domains = WeightedTable.Zipf(Vocabulary.Domains.Length, 0.8);
    private readonly WeightedTable _technologies = WeightedTable.Zipf(Vocabulary.Technologies.Length, 0.8);
    private readonly WeightedTable _programmes = WeightedTable.Zipf(Vocabulary.Programmes.Length, 1.0);
    private readonly WeightedTable _programmeNames = WeightedTable.Zipf(Vocabulary.ProgrammeNames.Length, 1.0);
    private readonly WeightedTable _communes = WeightedTable.Zipf(20, 1.0);
    private readonly WeightedTable _years = WeightedTable.FromWeights(Enumerable.Range(0, 12).Select(offset => 1.0 + offset * 0.35));
    private readonly WeightedTable _tailTable = WeightedTable.Zipf(RareWords.Length, 0.95);
    private readonly WeightedTable _surnames = WeightedTable.Zipf(Vocabulary.Surnames.Length, 0.7);
    private static readonly string[] RareWords = TailWords(new BenchRandom(0x5EED), TailSize);
    private readonly List<Func<string, List<string>>> _bodyTemplates;

    // Agreement state of the sentence being built.
    private bool _subjectPlural;
    private bool _lastFeminine;
    private bool _lastPlural;
    private string _tenant = "";
    private int _year;

    public CorpusGenerator(int seed)
    {
        _random = new BenchRandom(seed);
        _bodyTemplates = BodyTemplates();
    }

    /// <summary>The synthetic rare words, most frequent first (the same whatever the seed, so query files can use them).</summary>
    public static IReadOnlyList<string> TailVocabulary => RareWords;

    /// <summary>Writes <paramref name="count"/> documents as JSON lines.</summary>
    public static void Write(TextWriter output, int count, int seed)
    {
        var generator = new CorpusGenerator(seed);
        for (var index = 1; index <= count; index++)
        {
            output.Write(ToJson(generator.Next(index)));
            output.Write('\n');
        }
    }

    public static string ToJson(CorpusDocument document)
    {
        var line = new Dictionary<string, object>
        {
            ["id"] = document.Id,
            ["tenant"] = document.Tenant,
            ["type"] = document.Type,
            ["title"] = document.Title,
            ["summary"] = document.Summary,
            ["body"] = document.Body,
            ["date"] = document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["year"] = document.Date.Year,
            ["domains"] = document.Domains,
            ["technologies"] = document.Technologies,
        };
        if (document.Programme is not null) line["programme"] = document.Programme;
        return JsonSerializer.Serialize(line, JsonOptions);
    }

    /// <summary>The document number <paramref name="index"/> (documents must be drawn in order for a given seed).</summary>
    public CorpusDocument Next(int index)
    {
        _tenant = Vocabulary.Regions[_regions.Sample(_random)].Slug;
        var type = Vocabulary.Types[_types.Sample(_random)].Type;
        _year = 2015 + _years.Sample(_random);
        var lastDay = _year == 2026 ? new DateOnly(2026, 11, 20).DayOfYear : (DateTime.IsLeapYear(_year) ? 366 : 365);
        var date = new DateOnly(_year, 1, 1).AddDays(_random.Next(lastDay));

        var domains = Distinct(_random.Between(1, 3), () => Vocabulary.Domains[_domains.Sample(_random)].Value);
        var technologies = Distinct(_random.Between(0, 3), () => Vocabulary.Technologies[_technologies.Sample(_random)].Value);
        var programme = type is "call" || _random.Chance(0.45) ? Vocabulary.Programmes[_programmes.Sample(_random)].Value : null;

        var title = Title(type);
        var summary = Sentence(type);
        var body = Body(type);
        return new CorpusDocument(index.ToString(CultureInfo.InvariantCulture), _tenant, type, title, summary, body, date, domains, technologies, programme);
    }

    /// <summary>Words as the limits count them: whitespace-separated tokens holding a letter or a digit ("l'exposition" is one).</summary>
    public static int CountWords(string text)
        => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));

    private string Title(string type)
    {
        for (var attempt = 0; ; attempt++)
        {
            var title = Capitalize(Join(TitleTokens(type)));
            var words = CountWords(title);
            if (words is >= MinTitleWords and <= MaxTitleWords) return title;
            if (attempt == 20) return $"Projet numérique à {Commune()} en {_year}";
        }
    }

    private List<string> TitleTokens(string type) => type switch
    {
        "showcase" => _random.Next(3) switch
        {
            0 => [.. NounPhrase(Article.None, adjective: true), ":", .. NounPhrase(Article.Indefinite), "à", Commune()],
            1 => [Verb().Infinitive, .. NounPhrase(Article.Definite, adjective: true), "de", Commune()],
            _ => [.. NounPhrase(Article.Definite, adjective: true), .. Prepositional()],
        },
        "practice" => _random.Next(3) switch
        {
            0 => ["comment", Verb().Infinitive, .. NounPhrase(Article.Definite, adjective: true), .. Prepositional()],
            1 => ["guide", "pratique", ":", Verb().Infinitive, .. NounPhrase(Article.Indefinite, adjective: true)],
            _ => [_random.Between(3, 12).ToString(CultureInfo.InvariantCulture), "conseils", "pour", Verb().Infinitive, .. NounPhrase(Article.Definite)],
        },
        "call" => _random.Next(2) switch
        {
            0 => ["appel", "à", "projets", ProgrammeName(), _year.ToString(CultureInfo.InvariantCulture), ":", .. NounPhrase(Article.None, adjective: true)],
            _ => ["appel", "à", "candidatures", ":", .. NounPhrase(Article.Definite, adjective: true), .. Prepositional()],
        },
        "event" => [_random.Pick(EventKinds), "«", .. NounPhrase(Article.Definite, adjective: _random.Chance(0.5)), "»", "à", Commune()],
        _ => _random.Next(2) switch
        {
            0 => [Commune(), ":", .. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any)],
            _ => [.. Organisation(), Verb().Singular, .. NounPhrase(Article.Any, adjective: _random.Chance(0.5))],
        },
    };

    private string Body(string type)
    {
        var target = MinBodyWords + (int)(430 * Math.Pow(_random.NextDouble(), 1.3));
        var text = new StringBuilder(target * 8);
        var words = 0;
        var inParagraph = 0;
        var paragraphLength = _random.Between(3, 7);
        while (words < target)
        {
            var sentence = Sentence(type);
            var sentenceWords = CountWords(sentence);
            if (words + sentenceWords > MaxBodyWords) continue;
            if (text.Length > 0) text.Append(inParagraph == 0 ? "\n\n" : " ");
            text.Append(sentence);
            words += sentenceWords;
            if (++inParagraph == paragraphLength)
            {
                inParagraph = 0;
                paragraphLength = _random.Between(3, 7);
            }
        }
        return text.ToString();
    }

    private string Sentence(string type)
    {
        var tokens = _bodyTemplates[_random.Next(_bodyTemplates.Count)](type);
        if (_random.Chance(0.3)) tokens.InsertRange(tokens.Count, TailClause());
        return Capitalize(Join(tokens, addPeriod: true));
    }

    private List<Func<string, List<string>>> BodyTemplates() =>
    [
        _ => [.. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any, adjective: true), .. Prepositional()],
        _ => [.. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any), "de", Commune()],
        _ => ["grâce", "à", Tech(), ",", .. Subject(plural: true), Verb(true), .. NounPhrase(Article.Any, adjective: true), _random.Pick(Adverbs)],
        _ => ["le", "projet", "a", "été", "lancé", "en", Year(), "à", Commune(), "avec", "le", "soutien", "de", .. Organisation()],
        _ => ["ce", "dispositif", "s'adresse", "aux", Noun().Plural, "et", "aux", Noun().Plural, "du", "territoire"],
        _ => ["depuis", Year(), ",", .. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any), .. Connector(), .. NounPhrase(Article.Any, adjective: true)],
        _ => ["selon", Person(), ",", _random.Pick(Roles), "de", .. Organisation(), ",", "«", .. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any, adjective: true), "»"],
        _ => ["plus", "de", _random.Between(12, 900).ToString(CultureInfo.InvariantCulture), Noun().Plural, "ont", "déjà", "participé", "à", .. NounPhrase(Article.Definite)],
        _ => ["il", "s'agit", "de", .. NounPhrase(Article.Indefinite, adjective: true), "conçu", .. Connector(), .. NounPhrase(Article.Any), "et", .. Organisation()],
        _ => ["l'objectif", "est", "de", Verb().Infinitive, .. NounPhrase(Article.Definite, adjective: true), "et", "de", Verb().Infinitive, .. NounPhrase(Article.Any), .. Prepositional()],
        _ => [Tech(), "permet", "aux", "visiteurs", "de", Verb().Infinitive, .. NounPhrase(Article.Definite, adjective: true), _random.Pick(Adverbs)],
        _ => [.. NounPhrase(Article.Definite, adjective: true, plural: true), "de", .. Organisation(), "ont", "été", Participle(_lastFeminine, true), "en", Year()],
        _ => ["le", "budget", "total", "s'élève", "à", _random.Between(8, 950).ToString(CultureInfo.InvariantCulture), "000", "euros", ",", "dont",
              _random.Between(20, 80).ToString(CultureInfo.InvariantCulture), "%", "financés", "par", ProgrammeName()],
        _ => [.. NounPhrase(Article.Plural), "peuvent", Verb().Infinitive, .. NounPhrase(Article.Any), "en", "ligne", "sur", .. NounPhrase(Article.Definite)],
        _ => [.. Subject(), Verb(_subjectPlural), .. NounPhrase(Article.Any, adjective: true), "qui", Verb(_lastPlural), .. NounPhrase(Article.Any)],
        _ => ["pour", Person(), ",", "il", "faut", "que", "les", Noun().Plural, "puissent", Verb().Infinitive, .. NounPhrase(Article.Definite), _random.Pick(Adverbs)],
        _ => ["en", Year(), ",", "la", "commune", "de", Commune(), "a", Verb().Participle, .. NounPhrase(Article.Any, adjective: true), "dans", "le", "cadre", "du", "programme", ProgrammeName()],
        type => type switch
        {
            "call" => _random.Next(4) switch
            {
                0 => ["les", "candidatures", "sont", "ouvertes", "jusqu'au", Date()],
                1 => ["le", "dossier", "de", "candidature", "comprend", .. NounPhrase(Article.Indefinite), "et", .. NounPhrase(Article.Indefinite, adjective: true)],
                2 => ["les", "lauréats", "seront", "annoncés", "en", _random.Pick(Months), Year()],
                _ => ["peuvent", "candidater", "les", Noun().Plural, "et", "les", Noun().Plural, "de", "la", "région"],
            },
            "event" => _random.Next(4) switch
            {
                0 => ["rendez-vous", "le", Date(), "à", Commune(), "pour", .. NounPhrase(Article.Any, adjective: true)],
                1 => ["l'entrée", "est", "libre", "dans", "la", "limite", "des", "places", "disponibles"],
                2 => ["inscription", "obligatoire", "auprès", "de", .. Organisation()],
                _ => ["au", "programme", ":", .. NounPhrase(Article.Indefinite), ",", .. NounPhrase(Article.Indefinite), "et", .. NounPhrase(Article.Indefinite, adjective: true)],
            },
            "practice" => _random.Next(4) switch
            {
                0 => ["nous", "recommandons", "de", Verb().Infinitive, .. NounPhrase(Article.Definite), "dès", "le", "début", "du", "projet"],
                1 => ["première", "étape", ":", Verb().Infinitive, .. NounPhrase(Article.Definite, adjective: true)],
                2 => ["il", "faut", "prévoir", _random.Between(2, 30).ToString(CultureInfo.InvariantCulture), "jours", "pour", Verb().Infinitive, .. NounPhrase(Article.Definite)],
                _ => ["attention", "à", .. NounPhrase(Article.Definite, adjective: true), ":", "c'est", "souvent", "là", "que", "le", "projet", "se", "joue"],
            },
            "news" => _random.Next(2) switch
            {
                0 => [.. Organisation(), "annonce", .. NounPhrase(Article.Indefinite, adjective: true), .. Prepositional()],
                _ => ["le", Date(), ",", .. Subject(), _subjectPlural ? "ont" : "a", Verb().Participle, .. NounPhrase(Article.Any)],
            },
            _ => [.. Subject(), _subjectPlural ? "ont" : "a", "été", Participle(_lastFeminine, _lastPlural), "par", .. Organisation(), "en", Year()],
        },
    ];

    private List<string> TailClause() => _random.Next(8) switch
    {
        0 => [",", "autour", "de", "la", Tail()],
        1 => [",", "en", "lien", "avec", "la", Tail(), "et", "le", Tail()],
        2 => [.. Connector(), "l'association", Capitalize(Tail())],
        3 => [",", "notamment", "pour", "la", Tail()],
        4 => ["et", "la", Tail(), "des", Noun().Plural],
        5 => [",", "y", "compris", "la", Tail(), "et", "la", Tail()],
        6 => ["(", Tail(), ",", Tail(), ")"],
        _ => [",", "dont", "la", Tail(), "de", Commune()],
    };

    /// <summary>A preposition linking a complement, varied so that no single one dominates the text.</summary>
    private List<string> Connector() => _random.Next(7) switch
    {
        0 => ["avec"],
        1 => ["pour"],
        2 => ["grâce", "à"],
        3 => ["auprès", "de"],
        4 => ["par"],
        5 => ["sans"],
        _ => ["au", "service", "de"],
    };

    private enum Article { None, Definite, Indefinite, Plural, Any }

    private List<string> Subject(bool? plural = null)
    {
        var result = NounPhrase(Article.Definite, adjective: _random.Chance(0.4), plural: plural);
        _subjectPlural = _lastPlural;
        return result;
    }

    private List<string> NounPhrase(Article article, bool adjective = false, bool? plural = null)
    {
        if (article == Article.Any) article = _random.Chance(0.6) ? Article.Definite : Article.Indefinite;
        var noun = Noun();
        var isPlural = article == Article.Plural || (plural ?? _random.Chance(0.35));
        _lastFeminine = noun.Feminine;
        _lastPlural = isPlural;
        var tokens = new List<string>(6);
        switch (article)
        {
            case Article.Definite or Article.Plural:
                tokens.Add(isPlural ? "les" : noun.Feminine ? "la" : "le");
                break;
            case Article.Indefinite:
                tokens.Add(isPlural ? "des" : noun.Feminine ? "une" : "un");
                break;
        }
        tokens.Add(isPlural ? noun.Plural : noun.Singular);
        if (adjective) tokens.Add(Vocabulary.Adjectives[_adjectives.Sample(_random)].Form(noun.Feminine, isPlural));
        if (_random.Chance(0.2))
        {
            tokens.Add("de");
            if (_random.Chance(0.5)) tokens.Add(Commune());
            else tokens.AddRange(["la", Tail()]);
        }
        return tokens;
    }

    private List<string> Prepositional() => _random.Next(11) switch
    {
        10 => ["au", "titre", "de", "l'éducation", "artistique", "et", "culturelle"],
        0 => ["à", Commune()],
        1 => ["dans", .. NounPhrase(Article.Any)],
        2 => ["pour", .. NounPhrase(Article.Definite, plural: true)],
        3 => [.. Connector(), .. NounPhrase(Article.Any, adjective: true)],
        4 => ["en", Year()],
        5 => ["auprès", "des", Noun().Plural],
        6 => ["sur", "l'ensemble", "du", "territoire"],
        7 => ["dans", "le", "cadre", "du", "programme", ProgrammeName()],
        8 => ["en", "partenariat", "avec", .. Organisation()],
        _ => ["autour", "de", .. NounPhrase(Article.Definite, adjective: true)],
    };

    private List<string> Organisation() => _random.Next(12) switch
    {
        0 => ["le", "musée", "de", Commune()],
        1 => ["la", "médiathèque", "de", Commune()],
        2 => ["les", "archives", "départementales"],
        3 => ["l'association", Capitalize(Tail())],
        4 => ["la", "compagnie", Surname()],
        5 => ["le", "service", "patrimoine", "de", Commune()],
        6 => ["la", "DRAC", RegionName()],
        7 => ["la", "région", RegionName()],
        8 => ["l'université", "de", Commune()],
        9 => ["le", "conseil", "départemental"],
        10 => ["le", "centre", "d'interprétation", "de", "l'architecture", "et", "du", "patrimoine", "de", Commune()],
        _ => ["le", "parc", "naturel", "régional"],
    };

    private Noun Noun() => Vocabulary.Nouns[_nouns.Sample(_random)];

    private Verb Verb() => Vocabulary.Verbs[_verbs.Sample(_random)];

    private string Verb(bool plural) => plural ? Verb().Plural : Verb().Singular;

    private string Participle(bool feminine, bool plural)
    {
        var participle = Verb().Participle;
        if (feminine) participle += "e";
        if (plural && !participle.EndsWith('s')) participle += "s";
        return participle;
    }

    private string Tech() => Vocabulary.TechPhrases[_tech.Sample(_random)];

    private string Tail() => RareWords[_tailTable.Sample(_random)];

    private string Commune()
    {
        var communes = Vocabulary.Communes[_tenant];
        return communes[Math.Min(_communes.Sample(_random), communes.Length - 1)];
    }

    private string RegionName() => Vocabulary.Regions.First(region => region.Slug == _tenant).Name;

    private string ProgrammeName() => Vocabulary.ProgrammeNames[_programmeNames.Sample(_random)];

    private string Year() => (_year - _random.Next(3)).ToString(CultureInfo.InvariantCulture);

    private string Date() => $"{_random.Between(1, 28)} {_random.Pick(Months)} {_year}";

    private string Surname() => Vocabulary.Surnames[_surnames.Sample(_random)];

    private string Person() => $"{_random.Pick(Vocabulary.FirstNames)} {Surname()}";

    private List<string> Distinct(int count, Func<string> draw)
    {
        var values = new List<string>(count);
        for (var attempt = 0; values.Count < count && attempt < count * 5; attempt++)
        {
            var value = draw();
            if (!values.Contains(value)) values.Add(value);
        }
        return values;
    }

    /// <summary>The long tail: prefix + root + suffix words, shuffled so that frequency does not follow the spelling.</summary>
    private static string[] TailWords(BenchRandom random, int count)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prefix in Vocabulary.TailPrefixes.Distinct())
            foreach (var root in Vocabulary.TailRoots)
                foreach (var suffix in Vocabulary.TailSuffixes)
                    words.Add(prefix + root + suffix);
        var all = words.Order(StringComparer.Ordinal).ToArray();
        for (var index = all.Length - 1; index > 0; index--)
        {
            var other = random.Next(index + 1);
            (all[index], all[other]) = (all[other], all[index]);
        }
        return all.Length <= count ? all : all[..count];
    }

    private static string Capitalize(string text)
        => text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Joins words into French text: "de le" → "du", "à les" → "aux", elision before a vowel or a mute h ("de
    /// exposition" → "d'exposition", "que il" → "qu'il"), French spacing around punctuation.
    /// </summary>
    internal static string Join(IReadOnlyList<string> input, bool addPeriod = false)
    {
        var tokens = new List<string>(input);
        var words = new List<string>(tokens.Count);
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            var next = index + 1 < tokens.Count ? tokens[index + 1] : null;
            var afterNext = index + 2 < tokens.Count ? tokens[index + 2] : null;
            if (token is "de" or "à" && next == "les")
            {
                words.Add(token == "de" ? "des" : "aux");
                index++;
                continue;
            }
            if (token is "de" or "à" && next == "le" && afterNext is not null && !StartsWithVowel(afterNext))
            {
                words.Add(token == "de" ? "du" : "au");
                index++;
                continue;
            }
            if (token == "de" && next == "des")
            {
                // "de des musées" is "de musées" (and "d'ateliers"): drop the article and look at "de" again.
                tokens.RemoveAt(index + 1);
                index--;
                continue;
            }
            if (token is "le" or "la" or "de" or "que" or "ne" or "se" or "ce" && next is not null && StartsWithVowel(next) && !next.StartsWith("«", StringComparison.Ordinal))
            {
                words.Add((token == "ce" ? "c" : token[..^1]) + "'" + next);
                index++;
                continue;
            }
            words.Add(token);
        }

        var text = new StringBuilder();
        var previous = "";
        foreach (var word in words)
        {
            if (text.Length > 0 && word is not ("," or "." or ")") && previous != "(") text.Append(' ');
            text.Append(word);
            previous = word;
        }
        if (addPeriod) text.Append('.');
        return text.ToString();
    }

    private static bool StartsWithVowel(string word)
    {
        if (word.Length == 0) return false;
        var first = char.ToLowerInvariant(word[0]);
        if (first == 'h') return !word.StartsWith("handicap", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("hau", StringComparison.OrdinalIgnoreCase);
        return "aeiouyàâäéèêëîïôöœùûü".Contains(first);
    }
}
