using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Pages.Admin.Pratiques;

/// <summary>
/// The practice editor (<c>/admin/pratiques/nouveau</c> and <c>/admin/pratiques/{id}</c>): the structured sections in
/// Markdown, resource rows added by a button (no JavaScript), related showcases chosen among the tenant's own, tags
/// typed with commas, domains from the vocabulary, the illustration's alternative text and credit. Loading, saving,
/// conflicts and messages are the shared <see cref="ContentEditorPageModel{TType, TFields}"/>'s.
/// </summary>
[RequirePermission("ContributeContent")]
public sealed class PracticeEditorModel(ContentEditorServices services, PracticeType type)
    : ContentEditorPageModel<PracticeType, PracticeFields>(services, type)
{
    /// <summary>How many of the tenant's showcases are offered as related (most recently updated first).</summary>
    public const int MaxShowcaseOptions = 200;

    [BindProperty]
    public PracticeForm Form { get; set; } = new();

    public IReadOnlyList<(string Value, string Label)> DomainOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> ShowcaseOptions { get; private set; } = [];

    /// <summary>The stored illustration, if any (the form edits its text, or removes it).</summary>
    public Network.Modules.Media.ImageRef? StoredImage { get; private set; }

    protected override void FillForm(PracticeFields f)
    {
        Form = new PracticeForm
        {
            Context = f.Context,
            Objectives = f.Objectives,
            Approach = f.Approach,
            WhatWorked = f.WhatWorked,
            WhatDidNot = f.WhatDidNot,
            AdviceForReuse = f.AdviceForReuse,
            CostAndEffort = f.CostAndEffort,
            EnvironmentalImpact = f.EnvironmentalImpact,
            Accessibility = f.Accessibility,
            Resources = f.Resources.Select(r => new ResourceRow { Label = r.Label, Url = r.Url }).ToList(),
            RelatedShowcaseIds = f.RelatedShowcaseIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
            Tags = string.Join(", ", f.Tags),
            Domains = [.. f.Domains],
            AuthorName = f.AuthorName,
            Organisation = f.Organisation,
            Licence = f.Licence,
            ImageAlt = f.Image?.Alt,
            ImageDecorative = f.Image?.Decorative ?? false,
            ImageCredit = f.Image?.Credit,
        };
        if (Item is null && string.IsNullOrEmpty(Form.AuthorName)) Form.AuthorName = Actor.DisplayName;
        StoredImage = f.Image;
    }

    protected override async Task<PracticeFields> ReadFormAsync(PracticeFields stored, CancellationToken cancellationToken)
    {
        StoredImage = stored.Image;
        var f = new PracticeFields
        {
            Context = Text(Form.Context),
            Objectives = Text(Form.Objectives),
            Approach = Text(Form.Approach),
            WhatWorked = Text(Form.WhatWorked),
            WhatDidNot = Text(Form.WhatDidNot),
            AdviceForReuse = Text(Form.AdviceForReuse),
            CostAndEffort = Text(Form.CostAndEffort),
            EnvironmentalImpact = Text(Form.EnvironmentalImpact),
            Accessibility = Text(Form.Accessibility),
            AuthorName = Line(Form.AuthorName),
            Organisation = Line(Form.Organisation),
            Licence = Line(Form.Licence) is { Length: > 0 } licence ? licence : PracticeType.Licences[0].Name,
        };

        // Empty rows are dropped and the rest renumbered, so messages ("Resources[1].Url") match the rows shown again.
        Form.Resources = Form.Resources.Where(r => !r.IsEmpty).Take(PracticeType.MaxResources + 1).ToList();
        f.Resources = Form.Resources.Select(r => new PracticeResource(Line(r.Label), Line(r.Url))).ToList();

        f.Tags = ContentTags.Parse(Form.Tags);
        Form.Tags = string.Join(", ", f.Tags);

        await LoadChoicesAsync(stored, cancellationToken);
        var domains = Form.Domains.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (domains.Any(d => DomainOptions.All(o => o.Value != d))) AddError("Form.Domains", "Ce domaine ne fait pas partie de la liste proposée.");
        f.Domains = domains.Where(d => DomainOptions.Any(o => o.Value == d)).ToList();

        var ids = new List<int>();
        foreach (var posted in Form.RelatedShowcaseIds.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            if (int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) ids.Add(id);
            else AddError("Form.RelatedShowcaseIds", "Un projet lié choisi n'existe pas sur ce site : rechargez la page et choisissez-le dans la liste.");
        }
        // Ids outside the offered list are still checked against the tenant's showcases by the type (forged ids are refused there).
        f.RelatedShowcaseIds = ids;

        if (stored.Image is { } image && !Form.RemoveImage)
        {
            var decorative = Form.ImageDecorative;
            f.Image = image with
            {
                Alt = decorative ? "" : Line(Form.ImageAlt),
                Decorative = decorative,
                Credit = Line(Form.ImageCredit) is { Length: > 0 } credit ? credit : null,
            };
        }
        return f;
    }

    protected override string ErrorKey(string field) => field switch
    {
        "ImageAlt" or "ImageCredit" => "Form." + field,
        _ => base.ErrorKey(field),
    };

    protected override Task LoadOptionsAsync(CancellationToken cancellationToken)
        => DomainOptions.Count == 0 && ShowcaseOptions.Count == 0
            ? LoadChoicesAsync(Item is null ? new PracticeFields() : Type.Read(Item), cancellationToken)
            : Task.CompletedTask;

    public Task<IActionResult> OnPostAddResourceAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () =>
        {
            StoredImage = Item is null ? null : Type.Read(Item).Image;
            Form.Resources = Form.Resources.Where(r => !r.IsEmpty).ToList();
            if (Form.Resources.Count < PracticeType.MaxResources) Form.Resources.Add(new ResourceRow());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The tenant's vocabulary of domains and its own showcases; values the item already has stay offered.</summary>
    private async Task LoadChoicesAsync(PracticeFields stored, CancellationToken cancellationToken)
    {
        var db = Services.Db;
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == "domains")
            .OrderBy(t => t.Position).ThenBy(t => t.Label).Select(t => new { t.Value, t.Label }).ToListAsync(cancellationToken);
        var domains = terms.Select(t => (t.Value, t.Label)).ToList();
        domains.AddRange(stored.Domains.Where(v => domains.All(d => d.Value != v)).Select(v => (v, PracticeLabels.Fallback(v))));
        DomainOptions = domains;

        var showcases = await db.Items.AsNoTracking()
            .Where(i => i.ContentType == PracticeType.ShowcaseTypeName && i.OriginTenant == null && i.Status != ContentStatus.Archived)
            .OrderByDescending(i => i.UpdatedUtc).Take(MaxShowcaseOptions)
            .Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken);
        var linked = stored.RelatedShowcaseIds.Where(id => showcases.All(s => s.Id != id)).ToList();
        if (linked.Count > 0)
            showcases.AddRange(await db.Items.AsNoTracking()
                .Where(i => linked.Contains(i.Id) && i.ContentType == PracticeType.ShowcaseTypeName && i.OriginTenant == null)
                .Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken));
        var french = StringComparer.Create(CultureInfo.GetCultureInfo("fr"), ignoreCase: true);
        ShowcaseOptions = showcases.OrderBy(s => s.Title, french).Select(s => (s.Id.ToString(CultureInfo.InvariantCulture), s.Title)).ToList();
    }

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
