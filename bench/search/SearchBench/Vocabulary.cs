namespace SearchBench;

/// <summary>A noun with its gender and plural, so articles, elisions and agreement come out right.</summary>
public sealed record Noun(string Singular, string Plural, bool Feminine);

/// <summary>An adjective's four forms (masculine/feminine, singular/plural).</summary>
public sealed record Adjective(string MasculineSingular, string FeminineSingular, string MasculinePlural, string FemininePlural)
{
    public string Form(bool feminine, bool plural) => (feminine, plural) switch
    {
        (false, false) => MasculineSingular,
        (true, false) => FeminineSingular,
        (false, true) => MasculinePlural,
        _ => FemininePlural,
    };
}

/// <summary>A verb: infinitive, present third person singular and plural, past participle.</summary>
public sealed record Verb(string Infinitive, string Singular, string Plural, string Participle);

/// <summary>A facet value as a corpus line carries it (slug) with the label the runner gives it.</summary>
public sealed record FacetTerm(string Value, string Label);

/// <summary>
/// The domain vocabulary of the generated corpus: French digital-culture words with their inflections (lists are in
/// rough order of frequency: the generator draws from them with Zipf weights, so the first ones are the common ones),
/// real regions and communes, plus a synthetic long tail of rare French-looking words and surnames.
/// </summary>
public static class Vocabulary
{
    /// <summary>The 13 metropolitan regions (tenant slugs) with a weight roughly in proportion to their size.</summary>
    public static readonly (string Slug, string Name, double Weight)[] Regions =
    [
        ("ile-de-france", "Île-de-France", 12.3),
        ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes", 8.1),
        ("hauts-de-france", "Hauts-de-France", 6.0),
        ("nouvelle-aquitaine", "Nouvelle-Aquitaine", 6.0),
        ("occitanie", "Occitanie", 6.0),
        ("grand-est", "Grand Est", 5.6),
        ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur", 5.1),
        ("pays-de-la-loire", "Pays de la Loire", 3.8),
        ("bretagne", "Bretagne", 3.4),
        ("normandie", "Normandie", 3.3),
        ("bourgogne-franche-comte", "Bourgogne-Franche-Comté", 2.8),
        ("centre-val-de-loire", "Centre-Val de Loire", 2.6),
        ("corse", "Corse", 0.35),
    ];

    /// <summary>Real communes of each region, largest first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Communes = new Dictionary<string, string[]>
    {
        ["ile-de-france"] = ["Paris", "Boulogne-Billancourt", "Saint-Denis", "Argenteuil", "Montreuil", "Versailles", "Nanterre", "Créteil", "Vitry-sur-Seine", "Meaux", "Évry-Courcouronnes", "Cergy", "Fontainebleau", "Saint-Germain-en-Laye", "Provins", "Étampes", "Rambouillet", "Pontoise", "Ivry-sur-Seine", "Aubervilliers"],
        ["auvergne-rhone-alpes"] = ["Lyon", "Saint-Étienne", "Grenoble", "Villeurbanne", "Clermont-Ferrand", "Annecy", "Chambéry", "Valence", "Vichy", "Roanne", "Bourg-en-Bresse", "Aurillac", "Le Puy-en-Velay", "Montluçon", "Moulins", "Vienne", "Privas", "Thonon-les-Bains"],
        ["hauts-de-france"] = ["Lille", "Amiens", "Roubaix", "Tourcoing", "Dunkerque", "Calais", "Villeneuve-d'Ascq", "Saint-Quentin", "Beauvais", "Arras", "Valenciennes", "Boulogne-sur-Mer", "Douai", "Lens", "Compiègne", "Laon", "Cambrai", "Soissons", "Maubeuge", "Abbeville"],
        ["nouvelle-aquitaine"] = ["Bordeaux", "Limoges", "Poitiers", "Pau", "La Rochelle", "Mérignac", "Pessac", "Niort", "Bayonne", "Angoulême", "Périgueux", "Agen", "Mont-de-Marsan", "Brive-la-Gaillarde", "Biarritz", "Cognac", "Guéret", "Tulle", "Arcachon", "Saintes"],
        ["occitanie"] = ["Toulouse", "Montpellier", "Nîmes", "Perpignan", "Béziers", "Narbonne", "Carcassonne", "Albi", "Sète", "Tarbes", "Castres", "Montauban", "Rodez", "Alès", "Cahors", "Auch", "Millau", "Foix", "Mende", "Lourdes"],
        ["grand-est"] = ["Strasbourg", "Reims", "Metz", "Mulhouse", "Nancy", "Colmar", "Troyes", "Charleville-Mézières", "Châlons-en-Champagne", "Épinal", "Thionville", "Haguenau", "Saint-Dié-des-Vosges", "Verdun", "Chaumont", "Sélestat", "Bar-le-Duc", "Sedan"],
        ["provence-alpes-cote-d-azur"] = ["Marseille", "Nice", "Toulon", "Aix-en-Provence", "Avignon", "Antibes", "Cannes", "Arles", "Hyères", "Fréjus", "Grasse", "Gap", "Digne-les-Bains", "Menton", "Martigues", "Aubagne", "Orange", "Briançon"],
        ["pays-de-la-loire"] = ["Nantes", "Angers", "Le Mans", "Saint-Nazaire", "Cholet", "La Roche-sur-Yon", "Laval", "Saumur", "Les Sables-d'Olonne", "Rezé", "Saint-Herblain", "Mayenne", "Château-Gontier", "Fontenay-le-Comte"],
        ["bretagne"] = ["Rennes", "Brest", "Quimper", "Lorient", "Vannes", "Saint-Malo", "Saint-Brieuc", "Lannion", "Morlaix", "Concarneau", "Fougères", "Vitré", "Dinan", "Pontivy", "Douarnenez", "Quimperlé"],
        ["normandie"] = ["Le Havre", "Rouen", "Caen", "Cherbourg-en-Cotentin", "Évreux", "Dieppe", "Saint-Lô", "Alençon", "Lisieux", "Bayeux", "Fécamp", "Honfleur", "Granville", "Vernon", "Étretat", "Giverny"],
        ["bourgogne-franche-comte"] = ["Dijon", "Besançon", "Belfort", "Chalon-sur-Saône", "Nevers", "Auxerre", "Mâcon", "Montbéliard", "Sens", "Dole", "Beaune", "Lons-le-Saunier", "Vesoul", "Autun", "Pontarlier", "Cluny"],
        ["centre-val-de-loire"] = ["Tours", "Orléans", "Bourges", "Blois", "Chartres", "Châteauroux", "Dreux", "Joué-lès-Tours", "Vierzon", "Montargis", "Amboise", "Chinon", "Vendôme", "Loches"],
        ["corse"] = ["Ajaccio", "Bastia", "Porto-Vecchio", "Corte", "Calvi", "Bonifacio", "Sartène", "L'Île-Rousse"],
    };

    /// <summary>Document types with their share of the corpus.</summary>
    public static readonly (string Type, double Weight)[] Types =
    [
        ("showcase", 0.38),
        ("practice", 0.17),
        ("news", 0.25),
        ("event", 0.12),
        ("call", 0.08),
    ];

    public static readonly FacetTerm[] Domains =
    [
        new("patrimoine", "Patrimoine"), new("musees", "Musées"), new("archives", "Archives"), new("bibliotheques", "Bibliothèques et lecture"),
        new("education-artistique", "Éducation artistique et culturelle"), new("arts-visuels", "Arts visuels"), new("spectacle-vivant", "Spectacle vivant"),
        new("architecture", "Architecture"), new("cinema-audiovisuel", "Cinéma et audiovisuel"), new("musique", "Musique"),
        new("culture-scientifique", "Culture scientifique"), new("langues-regionales", "Langues régionales"), new("metiers-d-art", "Métiers d'art"),
    ];

    public static readonly FacetTerm[] Technologies =
    [
        new("numerisation", "Numérisation"), new("site-web", "Site web"), new("application-mobile", "Application mobile"),
        new("realite-augmentee", "Réalité augmentée"), new("realite-virtuelle", "Réalité virtuelle"), new("3d", "Modélisation 3D"),
        new("video-360", "Vidéo 360°"), new("photogrammetrie", "Photogrammétrie"), new("intelligence-artificielle", "Intelligence artificielle"),
        new("open-data", "Données ouvertes"), new("jeu-video", "Jeu vidéo"), new("podcast", "Podcast et son"), new("table-tactile", "Table tactile"),
        new("impression-3d", "Impression 3D"), new("qr-code", "QR code"),
    ];

    public static readonly FacetTerm[] Programmes =
    [
        new("pnv", "Plan national de numérisation et de valorisation"), new("adni", "Appel à projets Services numériques innovants"),
        new("cultures-connectees", "Cultures connectées"), new("france-2030", "France 2030"), new("micro-folies", "Micro-Folies"),
        new("leader", "Fonds européen LEADER"),
    ];

    /// <summary>The programmes as the text names them.</summary>
    public static readonly string[] ProgrammeNames =
        ["PNV", "ADNI", "Cultures connectées", "France 2030", "Micro-Folies", "LEADER", "plan de relance", "Pass Culture", "DRAC", "FEDER"];

    // Nouns, most frequent first.
    public static readonly Noun[] Nouns = Parse(
        "m:projet:projets f:exposition:expositions m:musée:musées m:public:publics f:médiation:médiations m:patrimoine:patrimoines f:collection:collections " +
        "f:visite:visites m:outil:outils f:bibliothèque:bibliothèques m:dispositif:dispositifs m:partenaire:partenaires m:établissement:établissements " +
        "m:territoire:territoires f:archive:archives m:jeune:jeunes f:commune:communes m:visiteur:visiteurs m:financement:financements f:structure:structures " +
        "m:atelier:ateliers f:ressource:ressources m:contenu:contenus f:médiathèque:médiathèques f:œuvre:œuvres m:parcours:parcours f:application:applications " +
        "m:site:sites f:école:écoles m:élève:élèves f:plateforme:plateformes m:habitant:habitants f:association:associations m:service:services " +
        "f:numérisation:numérisations m:fonds:fonds f:équipe:équipes m:artiste:artistes m:lieu:lieux m:usage:usages f:pratique:pratiques m:réseau:réseaux " +
        "f:animation:animations m:château:châteaux f:abbaye:abbayes f:cathédrale:cathédrales m:monument:monuments f:ville:villes m:village:villages " +
        "m:document:documents f:photographie:photographies m:manuscrit:manuscrits f:carte:cartes m:plan:plans f:maquette:maquettes m:objet:objets " +
        "f:donnée:données m:catalogue:catalogues m:inventaire:inventaires f:base:bases m:portail:portails m:casque:casques f:tablette:tablettes " +
        "m:écran:écrans m:jeu:jeux f:borne:bornes m:film:films m:son:sons m:récit:récits f:histoire:histoires f:mémoire:mémoires m:témoignage:témoignages " +
        "m:conservateur:conservateurs m:bibliothécaire:bibliothécaires m:archiviste:archivistes m:médiateur:médiateurs f:enseignante:enseignantes " +
        "m:chercheur:chercheurs f:université:universités m:laboratoire:laboratoires f:entreprise:entreprises m:studio:studios f:compagnie:compagnies " +
        "m:festival:festivals m:spectacle:spectacles m:concert:concerts f:résidence:résidences f:rencontre:rencontres f:journée:journées m:colloque:colloques " +
        "m:webinaire:webinaires f:formation:formations m:appel:appels f:candidature:candidatures m:dossier:dossiers m:lauréat:lauréats m:jury:jurys " +
        "m:budget:budgets f:subvention:subventions f:aide:aides m:programme:programmes f:démarche:démarches f:expérience:expériences f:expérimentation:expérimentations " +
        "f:innovation:innovations f:accessibilité:accessibilités m:handicap:handicaps f:famille:familles m:enfant:enfants m:adolescent:adolescents " +
        "m:senior:seniors m:quartier:quartiers f:campagne:campagnes m:collège:collèges m:lycée:lycées f:classe:classes m:scolaire:scolaires " +
        "f:fouille:fouilles m:vestige:vestiges f:restauration:restaurations f:conservation:conservations f:sauvegarde:sauvegardes m:relevé:relevés " +
        "m:modèle:modèles f:reconstitution:reconstitutions f:immersion:immersions f:découverte:découvertes m:regard:regards f:salle:salles m:espace:espaces " +
        "m:chantier:chantiers f:étape:étapes m:calendrier:calendriers m:bilan:bilans m:résultat:résultats f:évaluation:évaluations m:indicateur:indicateurs " +
        "f:fréquentation:fréquentations m:licence:licences m:logiciel:logiciels m:code:codes f:interface:interfaces m:serveur:serveurs m:format:formats " +
        "f:tapisserie:tapisseries m:vitrail:vitraux f:peinture:peintures f:sculpture:sculptures f:gravure:gravures m:herbier:herbiers f:partition:partitions " +
        "m:costume:costumes f:affiche:affiches m:journal:journaux f:revue:revues m:registre:registres m:cadastre:cadastres m:fossile:fossiles " +
        "m:phare:phares m:moulin:moulins f:forge:forges f:mine:mines m:port:ports m:canal:canaux f:rivière:rivières m:jardin:jardins f:forêt:forêts " +
        "f:usine:usines m:atelier-relais:ateliers-relais f:manufacture:manufactures f:faïence:faïences f:dentelle:dentelles f:céramique:céramiques");

    public static readonly Adjective[] Adjectives = ParseAdjectives(
        "numérique:numérique:numériques:numériques culturel:culturelle:culturels:culturelles patrimonial:patrimoniale:patrimoniaux:patrimoniales " +
        "nouveau:nouvelle:nouveaux:nouvelles jeune:jeune:jeunes:jeunes local:locale:locaux:locales régional:régionale:régionaux:régionales " +
        "virtuel:virtuelle:virtuels:virtuelles augmenté:augmentée:augmentés:augmentées immersif:immersive:immersifs:immersives " +
        "interactif:interactive:interactifs:interactives muséal:muséale:muséaux:muséales numérisé:numérisée:numérisés:numérisées " +
        "accessible:accessible:accessibles:accessibles innovant:innovante:innovants:innovantes participatif:participative:participatifs:participatives " +
        "collaboratif:collaborative:collaboratifs:collaboratives pédagogique:pédagogique:pédagogiques:pédagogiques artistique:artistique:artistiques:artistiques " +
        "historique:historique:historiques:historiques contemporain:contemporaine:contemporains:contemporaines ancien:ancienne:anciens:anciennes " +
        "rural:rurale:ruraux:rurales inclusif:inclusive:inclusifs:inclusives gratuit:gratuite:gratuits:gratuites ouvert:ouverte:ouverts:ouvertes " +
        "sonore:sonore:sonores:sonores scientifique:scientifique:scientifiques:scientifiques départemental:départementale:départementaux:départementales " +
        "municipal:municipale:municipaux:municipales national:nationale:nationaux:nationales européen:européenne:européens:européennes " +
        "public:publique:publics:publiques libre:libre:libres:libres mobile:mobile:mobiles:mobiles tactile:tactile:tactiles:tactiles " +
        "industriel:industrielle:industriels:industrielles maritime:maritime:maritimes:maritimes archéologique:archéologique:archéologiques:archéologiques " +
        "médiéval:médiévale:médiévaux:médiévales fragile:fragile:fragiles:fragiles rare:rare:rares:rares vivant:vivante:vivants:vivantes " +
        "partagé:partagée:partagés:partagées itinérant:itinérante:itinérants:itinérantes hybride:hybride:hybrides:hybrides durable:durable:durables:durables " +
        "sobre:sobre:sobres:sobres ludique:ludique:ludiques:ludiques original:originale:originaux:originales intercommunal:intercommunale:intercommunaux:intercommunales");

    public static readonly Verb[] Verbs = ParseVerbs(
        "proposer:propose:proposent:proposé permettre:permet:permettent:permis accompagner:accompagne:accompagnent:accompagné " +
        "valoriser:valorise:valorisent:valorisé découvrir:découvre:découvrent:découvert numériser:numérise:numérisent:numérisé " +
        "créer:crée:créent:créé développer:développe:développent:développé associer:associe:associent:associé réunir:réunit:réunissent:réuni " +
        "présenter:présente:présentent:présenté ouvrir:ouvre:ouvrent:ouvert accueillir:accueille:accueillent:accueilli explorer:explore:explorent:exploré " +
        "financer:finance:financent:financé restaurer:restaure:restaurent:restauré diffuser:diffuse:diffusent:diffusé partager:partage:partagent:partagé " +
        "former:forme:forment:formé animer:anime:animent:animé concevoir:conçoit:conçoivent:conçu favoriser:favorise:favorisent:favorisé " +
        "renforcer:renforce:renforcent:renforcé mutualiser:mutualise:mutualisent:mutualisé sensibiliser:sensibilise:sensibilisent:sensibilisé " +
        "impliquer:implique:impliquent:impliqué lancer:lance:lancent:lancé soutenir:soutient:soutiennent:soutenu expérimenter:expérimente:expérimentent:expérimenté " +
        "documenter:documente:documentent:documenté transmettre:transmet:transmettent:transmis enrichir:enrichit:enrichissent:enrichi " +
        "rendre:rend:rendent:rendu mettre:met:mettent:mis faire:fait:font:fait reconstituer:reconstitue:reconstituent:reconstitué " +
        "modéliser:modélise:modélisent:modélisé raconter:raconte:racontent:raconté rassembler:rassemble:rassemblent:rassemblé " +
        "inventorier:inventorie:inventorient:inventorié cataloguer:catalogue:cataloguent:catalogué indexer:indexe:indexent:indexé " +
        "publier:publie:publient:publié organiser:organise:organisent:organisé coordonner:coordonne:coordonnent:coordonné");

    /// <summary>Multi-word technology expressions used in the text, most frequent first.</summary>
    public static readonly string[] TechPhrases =
    [
        "la réalité augmentée", "la réalité virtuelle", "la modélisation 3D", "la numérisation 3D", "une application mobile", "un site web",
        "la photogrammétrie", "des casques de réalité virtuelle", "une visite virtuelle", "des tablettes tactiles", "une table tactile",
        "la vidéo à 360°", "l'intelligence artificielle", "des données ouvertes", "un jeu vidéo", "des podcasts", "des QR codes",
        "l'impression 3D", "un jumeau numérique", "la cartographie interactive", "un audioguide", "la reconnaissance d'images",
        "la transcription automatique", "un chatbot", "des capteurs", "la lumière projetée", "le mapping vidéo", "un escape game",
    ];

    public static readonly string[] FirstNames =
    [
        "Marie", "Jean", "Camille", "Nicolas", "Julie", "Pierre", "Sophie", "Thomas", "Claire", "Antoine", "Léa", "Mathieu", "Élise", "Hugo",
        "Anne", "François", "Chloé", "Louis", "Émilie", "Paul", "Lucie", "Olivier", "Manon", "Julien", "Sarah", "Benoît", "Inès", "Yann",
        "Aurélie", "Gaëlle", "Hélène", "Jérôme", "Maëlle", "Loïc", "Agnès", "Rémi", "Noémie", "Cédric", "Joëlle", "Théo",
    ];

    public static readonly string[] Surnames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre",
        "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont",
        "Lambert", "Bonnet", "François", "Martinez", "Le Gall", "Le Goff", "Kerbrat", "Guérin", "Muller", "Schmitt", "Fabre", "Rouvière",
        "Castellan", "Paoli", "Santoni", "Etcheverry", "Lacombe", "Chevalier", "Gauthier", "Perrin", "Clément", "Marchand", "Brun", "Blanc",
    ];

    /// <summary>Words of ordinary prose (not domain-specific), to give the text its common background.</summary>
    public static readonly string[] CommonWords =
    [
        "année", "temps", "travail", "idée", "question", "moment", "façon", "partie", "cadre", "objectif", "besoin", "rôle", "enjeu", "sens",
        "point", "lien", "place", "forme", "suite", "cours", "fin", "début", "mois", "semaine", "soir", "matin", "jour", "groupe", "personne",
        "monde", "vie", "région", "pays", "politique", "société", "regard", "savoir", "envie", "qualité", "condition", "niveau", "moyen",
        "choix", "ensemble", "retour", "avenir", "passé", "présent", "échange", "dialogue", "ouverture", "accès", "offre", "demande",
    ];

    /// <summary>Building blocks of the synthetic long tail: rare French-looking words (craft, place and technical terms).</summary>
    public static readonly string[] TailPrefixes = ["", "", "", "re", "dé", "pré", "co", "inter", "trans", "multi", "micro", "auto", "contre", "sur", "sous", "néo", "post", "para", "télé", "proto"];

    public static readonly string[] TailRoots =
    [
        "valor", "mémor", "graph", "phon", "scén", "lumin", "cartograph", "textil", "céram", "sculpt", "photograph", "typograph", "herbor",
        "vitr", "orfèvr", "tapiss", "horlog", "maritim", "minér", "ferrovi", "agricol", "fluvi", "forest", "viticol", "lain", "tiss", "verr",
        "ardois", "chaum", "bocag", "salin", "tourb", "calcair", "granit", "faïenc", "lutheri", "ébén", "marquet", "enlumin", "calligraph",
        "archéom", "dendrochron", "paléograph", "numismat", "sigillograph", "héraldi", "campanol", "organ", "tonnell", "charpent", "maçonn",
        "cordon", "vanni", "dentell", "bijout", "papet", "imprim", "reli", "gravur", "fresqu", "mosaï", "stuc", "vitrail", "parchem",
    ];

    public static readonly string[] TailSuffixes =
        ["isation", "ité", "isme", "iste", "ique", "ement", "eur", "euse", "age", "erie", "ier", "ière", "al", "ale", "ant", "ance", "ateur", "atrice", "oir", "ure", "ion", "ien", "ienne", "ologie"];

    private static Noun[] Parse(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split(':'))
        .Select(parts => new Noun(parts[1], parts[2], parts[0] == "f"))
        .ToArray();

    private static Adjective[] ParseAdjectives(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split(':'))
        .Select(parts => new Adjective(parts[0], parts[1], parts[2], parts[3]))
        .ToArray();

    private static Verb[] ParseVerbs(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split(':'))
        .Select(parts => new Verb(parts[0], parts[1], parts[2], parts[3]))
        .ToArray();
}
