using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Media;
using Network.Modules.Media.Services;

namespace Network.Modules.Content.Recipes;

/// <summary>
/// <c>{ "name": "Content", "file": "content/bretagne.content.json", "optional": true, "sample": true }</c> or
/// <c>{ "name": "Content", "items": [ … ] }</c>: content items (showcases, practices…) created through
/// <see cref="ContentStore"/> as the system, published on given past dates, featured, with generated images.
/// <list type="bullet">
/// <item><c>file</c>: a JSON file <c>{ "items": [ … ] }</c>, relative to the recipes folder (and inside it).</item>
/// <item><c>optional</c>: a missing file is not an error and the step does nothing (a tenant created with the
/// region recipe for a region that has no sample file).</item>
/// <item><c>sample</c>: sample content, skipped entirely when <c>Network:SampleContent</c> is false (the tests).</item>
/// </list>
/// Each item: <c>type</c>, <c>title</c>, <c>slug</c> (default from the title), <c>summary</c>, <c>status</c>
/// (<c>published</c> by default, <c>draft</c>, <c>submitted</c>), <c>daysAgo</c> (publication date, or creation
/// date when not published), <c>shared</c> (default true), <c>featured</c>, <c>fields</c> (the type's own fields),
/// <c>references</c> (a list-of-ids field filled from the slugs of items earlier in the same list:
/// <c>{ "relatedShowcaseIds": ["slug"] }</c>, or a single-id field from one slug: <c>{ "parentId": "a-propos" }</c>) and <c>images</c> (generated at import, stored in the media library,
/// added to an image field: <c>{ "field": "gallery", "motif": "arches", "palette": ["#8c3b2e", …], "alt": "…", "credit": "…" }</c>).
/// Fields named like a vocabulary (<c>domains</c>, <c>technologies</c>) hold values of that vocabulary.
/// </summary>
public sealed class ContentStep(ContentTypeRegistry types, IOptions<NetworkOptions> options) : RecipeStepHandler
{
    public const string StepName = "Content";

    private static readonly string[] StepFields = ["name", "file", "items", "optional", "sample"];
    private static readonly string[] ItemFields = ["type", "title", "slug", "summary", "status", "daysAgo", "shared", "featured", "fields", "references", "images"];
    private static readonly string[] ImageFields = ["field", .. SampleImageUploader.SpecFields];
    private static readonly string[] Statuses = ["published", "draft", "submitted"];

    /// <summary>Publication dates stay within the last two years, so lists built from them have a stable order.</summary>
    public const int MaxDaysAgo = 730;

    /// <summary>Strict reading of the fields: unknown names and wrong types are errors, enums are written by name.</summary>
    private static readonly JsonSerializerOptions StrictJson = CreateStrictJson();

    private static JsonSerializerOptions CreateStrictJson()
    {
        var json = new JsonSerializerOptions(ContentTypeDefinition.Json)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.MakeReadOnly();
        return json;
    }

    public override string Name => StepName;
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k)))
            validation.Error(unknown, "champ inconnu");
        var optional = Flag(step, "optional", validation);
        var sample = Flag(step, "sample", validation);
        var file = validation.OptionalString(step, "file");
        if (step["file"] is not null && step["items"] is not null)
            validation.Error("file", "indiquer « file » ou « items », pas les deux");
        if (step["file"] is null && step["items"] is null)
        {
            validation.Error("items", "indiquer « file » (un fichier de contenus) ou « items » (la liste des contenus)");
            return;
        }
        if (sample && !options.Value.SampleContent) return;

        var source = Load(step, file, optional, out var problem);
        if (problem is not null)
        {
            validation.Error(problem.Value.Field, problem.Value.Message);
            return;
        }
        if (source is null) return;
        var prefix = file is null ? "" : $"{file} : ";
        if (source.Items is null)
        {
            validation.Error(prefix + "items", "champ obligatoire : une liste de contenus");
            return;
        }
        ValidateItems(source.Items, validation, prefix);
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var file = step["file"]?.GetValue<string>();
        if (step["sample"]?.GetValue<bool>() == true && !options.Value.SampleContent) return;
        var source = Load(step, file, step["optional"]?.GetValue<bool>() == true, out var problem);
        if (problem is not null) throw new InvalidOperationException($"{problem.Value.Field} : {problem.Value.Message}");
        if (source?.Items is null) return;
        var importer = ActivatorUtilities.CreateInstance<ContentImporter>(context.Services);
        await importer.ImportAsync(source.Items.Select(n => n!.AsObject()).ToList(), cancellationToken);
    }

    private sealed record Source(JsonArray? Items);

    /// <summary>The items of the step, inline or from its file; null when an optional file is missing.</summary>
    private Source? Load(JsonObject step, string? file, bool optional, out (string Field, string Message)? problem)
    {
        problem = null;
        if (file is null) return step["items"] is JsonArray inline ? new Source(inline) : Fail(out problem, "items", "doit être une liste de contenus");
        var (found, root, pathError, contentError) = RecipeFiles.Read(options.Value.RecipesPath, file, optional);
        if (pathError is not null) return Fail(out problem, "file", pathError);
        if (contentError is not null) return Fail(out problem, file, contentError);
        if (!found) return null;
        if (root is not JsonObject obj) return Fail(out problem, file, "doit être un objet JSON { \"items\": [ … ] }");
        return new Source(obj["items"] as JsonArray);
    }

    private static Source? Fail(out (string Field, string Message)? problem, string field, string message)
    {
        problem = (field, message);
        return null;
    }

    private static bool Flag(JsonObject step, string field, RecipeValidation validation)
    {
        if (step[field] is null) return false;
        if (step[field] is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        validation.Error(field, "doit être true ou false");
        return false;
    }

    private void ValidateItems(JsonArray items, RecipeValidation validation, string prefix)
    {
        // Slug of each earlier item, per type: what "references" may point to.
        var earlier = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var featured = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{prefix}items[{i}]";
            void Error(string field, string message) => validation.Error(field.Length == 0 ? at : $"{at}.{field}", message);
            if (items[i] is not JsonObject item)
            {
                Error("", "doit être un objet");
                continue;
            }
            foreach (var unknown in item.Select(p => p.Key).Where(k => !ItemFields.Contains(k)))
                Error(unknown, "champ inconnu");

            var typeName = Text(item, "type", Error, required: true);
            var type = typeName is null ? null : types.Find(typeName);
            if (typeName is not null && type is null)
                Error("type", $"type de contenu inconnu « {typeName} » (connus : {string.Join(", ", types.All.Select(t => t.Name).Order())})");
            if (type is not null && !validation.Context.Features.Contains(type.ModuleId))
                Error("type", $"le module « {type.ModuleId} » des contenus « {type.Name} » n'est pas activé par la recette avant cette étape");

            var title = Text(item, "title", Error, required: true)?.Trim();
            if (title?.Length > ContentRules.TitleMaxLength) Error("title", $"ne peut dépasser {ContentRules.TitleMaxLength} caractères");
            var summary = Text(item, "summary", Error, required: false)?.Trim();
            if (summary?.Length > ContentRules.SummaryMaxLength) Error("summary", $"ne peut dépasser {ContentRules.SummaryMaxLength} caractères (il en compte {summary.Length})");
            var slug = Text(item, "slug", Error, required: false);
            if (slug is not null && !Slugs.IsValid(slug)) Error("slug", $"adresse invalide « {slug} » (par exemple « {Slugs.FromTitle(slug)} »)");
            slug ??= title is null ? null : Slugs.FromTitle(title);

            var status = Text(item, "status", Error, required: false) ?? "published";
            if (!Statuses.Contains(status)) Error("status", $"état inconnu « {status} » (états : {string.Join(", ", Statuses)})");
            if (item["daysAgo"] is not null && !(item["daysAgo"] is JsonValue d && d.TryGetValue<int>(out var days) && days is >= 0 and <= MaxDaysAgo))
                Error("daysAgo", $"doit être un nombre entier de jours entre 0 et {MaxDaysAgo}");
            ItemFlag(item, "shared", Error);
            if (ItemFlag(item, "featured", Error))
            {
                if (status != "published") Error("featured", "seul un contenu publié peut être mis en avant");
                if (++featured > ContentRules.MaxFeaturedPerTenant) Error("featured", $"{ContentRules.MaxFeaturedPerTenant} contenus au plus peuvent être mis en avant");
            }

            if (type is not null)
            {
                var properties = StrictJson.GetTypeInfo(type.FieldsType).Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
                var fields = item["fields"] switch
                {
                    null => new JsonObject(),
                    JsonObject o => o,
                    _ => null,
                };
                if (fields is null) Error("fields", "doit être un objet");
                ValidateReferences(item, properties, earlier, Error);
                ValidateImages(item, properties, Error);
                if (fields is not null) ValidateFields(type, fields, properties, validation.Context.State<DeclaredVocabularies>(), Error);
            }

            if (typeName is not null && slug is not null && !(earlier.TryGetValue(typeName, out var slugs) ? slugs : earlier[typeName] = []).Add(slug))
                Error(item["slug"] is null ? "title" : "slug", $"l'adresse « {slug} » est déjà celle d'un autre contenu « {typeName} » de la liste");
        }
    }

    private static void ValidateFields(ContentTypeDefinition type, JsonObject fields, Dictionary<string, JsonPropertyInfo> properties, DeclaredVocabularies vocabularies, Action<string, string> error)
    {
        object? value;
        try
        {
            value = fields.Deserialize(type.FieldsType, StrictJson);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? "fields" + p[1..] : "fields";
            var unknown = e.Message.Contains("could not be mapped", StringComparison.Ordinal);
            error(path, unknown ? "champ inconnu pour ce type de contenu" : $"valeur du mauvais type ({e.Message.Split(". Path:")[0]})");
            return;
        }
        if (value is null) return;
        foreach (var (vocabulary, values) in vocabularies.All)
        {
            if (!properties.ContainsKey(vocabulary) || fields[vocabulary] is not JsonArray given) continue;
            for (var i = 0; i < given.Count; i++)
            {
                var term = given[i]?.GetValue<string>();
                if (term is not null && !values.Contains(term))
                    error($"fields.{vocabulary}[{i}]", $"valeur inconnue « {term} » du vocabulaire « {vocabulary} » (valeurs : {string.Join(", ", values)})");
            }
        }
        foreach (var (field, message) in type.Validate(value))
            error(field.Length == 0 ? "fields" : $"fields.{JsonNamingPolicy.CamelCase.ConvertName(field)}", message);
    }

    private static void ValidateReferences(JsonObject item, Dictionary<string, JsonPropertyInfo> properties, Dictionary<string, HashSet<string>> earlier, Action<string, string> error)
    {
        if (item["references"] is null) return;
        if (item["references"] is not JsonObject references)
        {
            error("references", "doit être un objet { \"champ\": [\"adresse\", …] }");
            return;
        }
        var all = earlier.Values.SelectMany(s => s).ToHashSet();
        foreach (var (field, node) in references)
        {
            var property = properties.GetValueOrDefault(field);
            if (property?.PropertyType == typeof(int?))
            {
                if (node is not JsonValue one || !one.TryGetValue<string>(out var target)) error($"references.{field}", "doit être l'adresse d'un contenu plus haut dans la liste");
                else if (!all.Contains(target)) error($"references.{field}", $"aucun contenu d'adresse « {target} » plus haut dans la liste");
                continue;
            }
            if (property is null || !typeof(IEnumerable<int>).IsAssignableFrom(property.PropertyType))
            {
                error($"references.{field}", "ce type de contenu n'a pas de champ d'identifiant ni de liste d'identifiants de ce nom");
                continue;
            }
            if (node is not JsonArray slugs)
            {
                error($"references.{field}", "doit être une liste d'adresses");
                continue;
            }
            for (var i = 0; i < slugs.Count; i++)
            {
                if (slugs[i] is not JsonValue v || !v.TryGetValue<string>(out var slug)) error($"references.{field}[{i}]", "doit être un texte");
                else if (!all.Contains(slug)) error($"references.{field}[{i}]", $"aucun contenu d'adresse « {slug} » plus haut dans la liste");
            }
        }
    }

    private static void ValidateImages(JsonObject item, Dictionary<string, JsonPropertyInfo> properties, Action<string, string> error)
    {
        if (item["images"] is null) return;
        if (item["images"] is not JsonArray images)
        {
            error("images", "doit être une liste d'images");
            return;
        }
        var single = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < images.Count; i++)
        {
            var at = $"images[{i}]";
            if (images[i] is not JsonObject image)
            {
                error(at, "doit être un objet");
                continue;
            }
            foreach (var unknown in image.Select(p => p.Key).Where(k => !ImageFields.Contains(k)))
                error($"{at}.{unknown}", "champ inconnu");
            var field = Text(image, "field", (f, m) => error($"{at}.{f}", m), required: true);
            if (field is not null)
            {
                if (!properties.TryGetValue(field, out var property) || !(property.PropertyType == typeof(ImageRef) || typeof(IEnumerable<ImageRef>).IsAssignableFrom(property.PropertyType)))
                    error($"{at}.field", $"ce type de contenu n'a pas de champ d'image « {field} »");
                else if (property.PropertyType == typeof(ImageRef) && !single.Add(field))
                    error($"{at}.field", $"le champ « {field} » ne contient qu'une image");
                if (item["fields"] is JsonObject fields && fields[field] is not null)
                    error($"{at}.field", $"« fields.{field} » est rempli par les images : ne le donnez pas aussi");
            }
            SampleImageUploader.ValidateSpec(image, (f, m) => error($"{at}.{f}", m));
        }
    }

    private static string? Text(JsonObject obj, string field, Action<string, string> error, bool required)
    {
        if (obj[field] is JsonValue value && value.TryGetValue<string>(out var text) && (!required || !string.IsNullOrWhiteSpace(text))) return text;
        if (obj[field] is null && !required) return null;
        error(field, obj[field] is null ? "champ obligatoire manquant" : required ? "doit être un texte non vide" : "doit être un texte");
        return null;
    }

    private static bool ItemFlag(JsonObject item, string field, Action<string, string> error)
    {
        if (item[field] is null) return false;
        if (item[field] is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        error(field, "doit être true ou false");
        return false;
    }

    /// <summary>Reads an item's fields once validated: images and references filled in by the importer.</summary>
    internal static object ReadFields(ContentTypeDefinition type, JsonObject fields) => fields.Deserialize(type.FieldsType, StrictJson)!;

    internal static bool IsImageList(ContentTypeDefinition type, string field)
        => StrictJson.GetTypeInfo(type.FieldsType).Properties.First(p => p.Name == field).PropertyType != typeof(ImageRef);

    internal static JsonNode ToNode(ImageRef image) => JsonSerializer.SerializeToNode(image, StrictJson)!;
}

/// <summary>Creates the validated items of a <see cref="ContentStep"/> in the tenant of the scope.</summary>
internal sealed class ContentImporter(TenantScopeFactory scopes, TenantContext tenantContext, ContentTypeRegistry types)
{
    public async Task ImportAsync(IReadOnlyList<JsonObject> items, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var now = DateTime.UtcNow;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // One unit of work per change, as requests do: a session's contexts keep the transaction of their last save.
        async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = scopes.CreateScope(tenant);
            return await work(scope.ServiceProvider);
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var type = types.Get(item["type"]!.GetValue<string>());
            var status = item["status"]?.GetValue<string>() ?? "published";
            var date = now.AddDays(-(item["daysAgo"]?.GetValue<int>() ?? 0)).AddMinutes(-i);
            var fields = item["fields"]?.DeepClone().AsObject() ?? [];
            foreach (var (field, slugs) in item["references"]?.AsObject() ?? [])
                fields[field] = slugs is JsonArray list
                    ? new JsonArray(list.Select(s => (JsonNode)JsonValue.Create(ids[s!.GetValue<string>()])).ToArray())
                    : JsonValue.Create(ids[slugs!.GetValue<string>()]);
            var slug = item["slug"]?.GetValue<string>() ?? Slugs.FromTitle(item["title"]!.GetValue<string>());
            foreach (var (image, index) in (item["images"]?.AsArray() ?? []).Select((n, index) => (n!.AsObject(), index)))
            {
                var field = image["field"]!.GetValue<string>();
                var reference = await InScopeAsync(sp => sp.GetRequiredService<SampleImageUploader>().UploadAsync(image, $"{slug}-{index + 1}", cancellationToken));
                var node = ContentStep.ToNode(reference);
                if (ContentStep.IsImageList(type, field)) ((fields[field] ??= new JsonArray()).AsArray()).Add(node);
                else fields[field] = node;
            }

            // The store stamps creation, revisions and publication with its clock: the item's own past dates.
            var clock = new SettableClock(date.AddDays(-3));
            Task<ContentResult> Store(Func<ContentStore, Task<ContentResult>> change)
                => InScopeAsync(sp => change(ActivatorUtilities.CreateInstance<ContentStore>(sp, clock)));
            var edit = new ContentEdit(item["title"]!.GetValue<string>(), item["slug"]?.GetValue<string>(), item["summary"]?.GetValue<string>() ?? "",
                item["shared"]?.GetValue<bool>() ?? true, ContentStep.ReadFields(type, fields));
            var created = Check(await Store(s => s.CreateAsync(type, edit, ContentActor.System, cancellationToken)), i).Item!;
            ids[created.Slug] = created.Id;
            // A nested item's address is its parent's and its own segment: later items may name it by either.
            ids.TryAdd(slug, created.Id);
            if (status == "draft") continue;
            clock.Now = date.AddHours(-6);
            if (status == "submitted")
            {
                Check(await Store(s => s.PerformAsync(created.Id, created.Version, ContentAction.Submit, ContentActor.System, cancellationToken: cancellationToken)), i);
                continue;
            }
            clock.Now = date;
            created = Check(await Store(s => s.PerformAsync(created.Id, created.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken)), i).Item!;
            if (item["featured"]?.GetValue<bool>() == true)
                Check(await Store(s => s.SetFeaturedAsync(created.Id, created.Version, true, ContentActor.System, cancellationToken)), i);
        }
    }

    private static ContentResult Check(ContentResult result, int index)
        => result.Succeeded ? result
            : throw new InvalidOperationException($"items[{index}] : {(result.Errors.Count > 0 ? string.Join(" ; ", result.Errors.Select(e => $"{e.Field} {e.Message}")) : "refusé")}");

    private sealed class SettableClock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
    }
}
