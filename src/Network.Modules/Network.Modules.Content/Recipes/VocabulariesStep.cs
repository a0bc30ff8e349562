using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Recipes;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Recipes;

/// <summary>
/// <c>{ "name": "Vocabularies", "vocabularies": { "domains": ["Monuments historiques", …], "technologies": [ … ] } }</c>:
/// the terms a tenant starts with, in order; each value is made from its label ("Musées" → "musees"). Terms the
/// tenant already has are left as they are (labels renamed by coordinators included), so the step can run again.
/// </summary>
public sealed class VocabulariesStep : RecipeStepHandler
{
    public override string Name => "Vocabularies";
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        if (!validation.Context.Features.Contains(ContentModule.ModuleId))
            validation.Error("name", "le module « Content » doit être activé par une étape Feature précédente");
        if (step["vocabularies"] is not JsonObject vocabularies)
        {
            validation.Error("vocabularies", "champ obligatoire : un objet { \"domains\": [ … ], \"technologies\": [ … ] }");
            return;
        }
        foreach (var (name, terms) in vocabularies)
        {
            var field = $"vocabularies.{name}";
            if (Vocabularies.Find(name) is null)
                validation.Error(field, $"vocabulaire inconnu (vocabulaires : {string.Join(", ", Vocabularies.All.Select(v => v.Name))})");
            if (terms is not JsonArray array)
            {
                validation.Error(field, "doit être une liste de libellés");
                continue;
            }
            if (array.Count > Vocabularies.MaxTerms) validation.Error(field, $"au plus {Vocabularies.MaxTerms} termes");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var declared = validation.Context.State<DeclaredVocabularies>().Terms(name);
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var label) || string.IsNullOrWhiteSpace(label))
                {
                    validation.Error($"{field}[{i}]", "doit être un libellé non vide");
                    continue;
                }
                var slug = Slugs.FromTitle(label, Vocabularies.LabelMaxLength);
                if (label.Trim().Length > Vocabularies.LabelMaxLength) validation.Error($"{field}[{i}]", $"au plus {Vocabularies.LabelMaxLength} caractères");
                else if (slug.Length == 0) validation.Error($"{field}[{i}]", "doit contenir au moins une lettre ou un chiffre");
                else if (!values.TryAdd(slug, label)) validation.Error($"{field}[{i}]", $"« {label} » donne la même valeur « {slug} » que « {values[slug]} »");
                else declared.Add(slug);
            }
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<ContentDbContext>();
        foreach (var (name, terms) in step["vocabularies"]!.AsObject())
        {
            var existing = await db.VocabularyTerms.Where(t => t.Vocabulary == name).ToListAsync(cancellationToken);
            var position = existing.Count == 0 ? 0 : existing.Max(t => t.Position);
            var known = existing.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var label in terms!.AsArray().Select(t => t!.GetValue<string>().Trim()))
            {
                var value = Slugs.FromTitle(label, Vocabularies.LabelMaxLength);
                if (!known.Add(value)) continue;
                db.VocabularyTerms.Add(new VocabularyTerm { Vocabulary = name, Value = value, Label = label, Position = ++position });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Services.GetRequiredService<ContentChangeNotifier>().Changed(context.Tenant.Name);
    }
}
