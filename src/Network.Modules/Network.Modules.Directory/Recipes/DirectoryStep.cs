using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Recipes;
using Network.Modules.Content.Data;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Recipes;

/// <summary>
/// <c>{ "name": "Directory", "file": "content/hauts-de-france.directory.json", "sample": true, "optional": true }</c>:
/// public member profiles of the sample sites, with the organisations they belong to (by slug: organisations are
/// content items, created before by a <c>Content</c> step). The file: <c>{ "profiles": [ { "name", "role", "bio",
/// "tags": [], "openToContact", "organisations": ["slug"] } ] }</c>. Sample profiles belong to no account (their user id
/// is "sample:" and a number): they show what the directory looks like, and the relay refuses to write to them, as
/// no address exists to write to.
/// </summary>
public sealed class DirectoryStep(IOptions<NetworkOptions> options) : RecipeStepHandler
{
    public const string StepName = "Directory";
    public const string SampleUserPrefix = "sample:";
    public const int MaxProfiles = 100;

    private static readonly string[] StepFields = ["name", "file", "optional", "sample"];

    public override string Name => StepName;
    public override bool NeedsTenantDatabase => true;

    private sealed record SampleProfile(string Name, string? Role, string? Bio, List<string>? Tags, bool OpenToContact, List<string>? Organisations);
    private sealed record SampleFile(List<SampleProfile> Profiles);

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k))) validation.Error(unknown, "champ inconnu");
        var file = validation.RequiredString(step, "file");
        if (!validation.Context.Features.Contains(DirectoryModule.ModuleId))
            validation.Error("name", "le module « Directory » n'est pas activé par la recette avant cette étape");
        if (file is null || (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent)) return;
        var (sample, problem) = Load(file, RecipeFiles.Flag(step, "optional"));
        if (problem is { } found)
        {
            validation.Error(found.Field, found.Message);
            return;
        }
        if (sample is null) return;
        if (sample.Profiles.Count > MaxProfiles) validation.Error($"{file} : profiles", $"{MaxProfiles} profils au plus");
        for (var i = 0; i < sample.Profiles.Count; i++)
        {
            var p = sample.Profiles[i];
            var input = new ProfileInput(p.Name, p.Role, p.Bio, string.Join(", ", p.Tags ?? []), true, p.OpenToContact);
            foreach (var (field, message) in MemberProfiles.Validate(input, p.Tags ?? []))
                validation.Error($"{file} : profiles[{i}].{char.ToLowerInvariant(field[0])}{field[1..]}", message);
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent) return;
        var (sample, problem) = Load(step["file"]!.GetValue<string>(), RecipeFiles.Flag(step, "optional"));
        if (problem is { } found) throw new InvalidOperationException($"{found.Field} : {found.Message}");
        if (sample is null) return;
        var db = context.Services.GetRequiredService<DirectoryDbContext>();
        var content = context.Services.GetRequiredService<ContentDbContext>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        var organisations = await content.Items.AsNoTracking()
            .Where(i => i.ContentType == OrganisationType.TypeName && i.OriginTenant == null)
            .ToDictionaryAsync(i => i.Slug, i => i.Id, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var number = 0;
        foreach (var p in sample.Profiles)
        {
            var userId = SampleUserPrefix + (++number);
            if (await db.Profiles.AnyAsync(x => x.UserId == userId, cancellationToken)) continue;
            db.Profiles.Add(new MemberProfile
            {
                UserId = userId, Key = $"exemple-{number}", DisplayName = p.Name.Trim(), Role = (p.Role ?? "").Trim(), Bio = (p.Bio ?? "").Trim(),
                Tags = string.Join('\n', p.Tags ?? []), IsPublic = true, OpenToContact = p.OpenToContact, CreatedUtc = now, UpdatedUtc = now,
            });
            foreach (var slug in p.Organisations ?? [])
            {
                // An organisation missing from this site's sample (an optional file left out) is skipped, not an error.
                if (!organisations.TryGetValue(slug, out var id)) continue;
                db.Memberships.Add(new OrganisationMembership
                {
                    OrganisationId = id, UserId = userId, UserName = p.Name.Trim(), Status = MembershipStatus.Accepted, RequestedUtc = now, DecidedUtc = now,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private (SampleFile? Sample, (string Field, string Message)? Problem) Load(string file, bool optional)
    {
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, optional, "profiles");
        if (problem is not null || root is null) return (null, problem);
        try
        {
            var sample = root.Deserialize<SampleFile>(RecipeFiles.StrictJson);
            return sample?.Profiles is null ? (null, ($"{file} : profiles", "champ obligatoire : une liste de profils")) : (sample, null);
        }
        catch (JsonException e)
        {
            return (null, ($"{file}{(e.Path is { Length: > 1 } p ? " : " + p[2..] : "")}", $"valeur invalide ({e.Message.Split(". Path:")[0]})"));
        }
    }
}
