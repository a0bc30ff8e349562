using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Recipes;

/// <summary>
/// Sample discussions: member accounts (addresses under the reserved "exemple.invalid" domain, no password, address
/// not confirmed, so nobody signs in as them and no mail reaches them, holding the Member role here), their published
/// comments and replies under the tenant's published items (by type and slug, written by earlier steps) and their
/// "useful" marks. Written directly, without notifications. The whole file is checked before anything is written.
/// </summary>
public sealed class CommentsStep(IOptions<NetworkOptions> options, IOptions<DiscussionsOptions> limits, TimeProvider clock) : RecipeStepHandler
{
    public const string StepName = "Comments";
    public const string SampleEmailDomain = "exemple.invalid";

    private static readonly string[] StepFields = ["name", "file", "optional", "sample"];

    public sealed record SamplePerson(string Key, string Name);
    public sealed record SampleReply(string Author, string Text, int DaysAgo);
    public sealed record SampleComment(string Type, string Item, string Author, string Text, int DaysAgo, List<SampleReply>? Replies);
    public sealed record SampleUseful(string Type, string Item, List<string> People);
    public sealed record SampleFile(List<SamplePerson> People, List<SampleComment> Comments, List<SampleUseful>? Useful);

    public override string Name => StepName;
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k))) validation.Error(unknown, "champ inconnu");
        var file = validation.RequiredString(step, "file");
        if (!validation.Context.Features.Contains(DiscussionsModule.ModuleId))
            validation.Error("name", "le module « Discussions » n'est pas activé par la recette avant cette étape");
        if (file is null || (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent)) return;
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "comments");
        if (problem is { } found)
        {
            validation.Error(found.Field, found.Message);
            return;
        }
        if (root is null) return;
        SampleFile? sample;
        try
        {
            sample = root.Deserialize<SampleFile>(RecipeFiles.StrictJson);
        }
        catch (JsonException e)
        {
            validation.Error(file + (e.Path is { Length: > 1 } p ? " : " + p[2..] : ""), $"valeur invalide ({e.Message.Split(". Path:")[0]})");
            return;
        }
        if (sample is null) return;
        foreach (var (field, message) in Check(sample)) validation.Error($"{file} : {field}", message);
    }

    private IEnumerable<(string Field, string Message)> Check(SampleFile sample)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sample.People.Count; i++)
        {
            var person = sample.People[i];
            if (string.IsNullOrWhiteSpace(person.Key) || person.Key.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')))
                yield return ($"people[{i}].key", "lettres minuscules, chiffres, points et tirets");
            else if (!people.Add(person.Key)) yield return ($"people[{i}].key", $"« {person.Key} » est déjà déclaré");
            if (string.IsNullOrWhiteSpace(person.Name)) yield return ($"people[{i}].name", "champ obligatoire");
        }
        IEnumerable<(string, string)> Text(string at, string author, string text, int daysAgo)
        {
            if (!people.Contains(author)) yield return ($"{at}.author", $"« {author} » n'est pas dans people");
            if (CommentText.Check(text, limits.Value.MaxLinks).Problem is { } problem) yield return ($"{at}.text", problem.Replace("{0}", limits.Value.MaxLinks.ToString()));
            if (daysAgo is < 0 or > 3650) yield return ($"{at}.daysAgo", "entre 0 et 3650");
        }
        for (var i = 0; i < sample.Comments.Count; i++)
        {
            var comment = sample.Comments[i];
            var at = $"comments[{i}]";
            if (string.IsNullOrWhiteSpace(comment.Type) || string.IsNullOrWhiteSpace(comment.Item)) yield return ($"{at}.item", "type et item (l'adresse du contenu) sont obligatoires");
            foreach (var problem in Text(at, comment.Author, comment.Text, comment.DaysAgo)) yield return problem;
            for (var j = 0; j < (comment.Replies?.Count ?? 0); j++)
            {
                var reply = comment.Replies![j];
                foreach (var problem in Text($"{at}.replies[{j}]", reply.Author, reply.Text, reply.DaysAgo)) yield return problem;
                if (reply.DaysAgo > comment.DaysAgo) yield return ($"{at}.replies[{j}].daysAgo", "une réponse ne précède pas le commentaire");
            }
        }
        for (var i = 0; i < (sample.Useful?.Count ?? 0); i++)
        {
            foreach (var key in sample.Useful![i].People.Where(k => !people.Contains(k)))
                yield return ($"useful[{i}].people", $"« {key} » n'est pas dans people");
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent) return;
        var file = step["file"]!.GetValue<string>();
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "comments");
        if (problem is { } found) throw new InvalidOperationException($"{file} : {found.Message}");
        if (root is null) return;
        var sample = root.Deserialize<SampleFile>(RecipeFiles.StrictJson)!;
        var services = context.Services;
        var accounts = await PeopleAsync(sample.People, context.Tenant.Name, services, cancellationToken);

        var content = services.GetRequiredService<ContentDbContext>();
        var types = services.GetRequiredService<ContentTypeRegistry>();
        var db = services.GetRequiredService<DiscussionsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        async Task<ContentItem> ItemAsync(string type, string slug)
        {
            var item = await content.Items.AsNoTracking().FirstOrDefaultAsync(i => i.ContentType == type && i.Slug == slug && i.OriginTenant == null, cancellationToken);
            if (item is not { Status: ContentStatus.Published } || types.Find(type) is not { Discussion: not ContentDiscussion.None })
                throw new InvalidOperationException($"{file} : pas de contenu publié « {type} » à l'adresse « {slug} » qui accepte des commentaires");
            return item;
        }
        Comment Make(ContentItem item, string author, string text, int daysAgo, int? parentId)
        {
            var at = now.AddDays(-daysAgo);
            var (userId, name) = accounts[author];
            return new Comment
            {
                ItemId = item.Id, ContentType = item.ContentType, ParentId = parentId, AuthorId = userId, AuthorName = name,
                Body = text.Trim(), Status = CommentStatus.Published, SubmissionKey = Guid.NewGuid().ToString("N"),
                CreatedUtc = at, PublishedUtc = at,
            };
        }

        foreach (var sampleComment in sample.Comments)
        {
            var item = await ItemAsync(sampleComment.Type, sampleComment.Item);
            var comment = Make(item, sampleComment.Author, sampleComment.Text, sampleComment.DaysAgo, null);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var reply in sampleComment.Replies ?? []) db.Comments.Add(Make(item, reply.Author, reply.Text, reply.DaysAgo, comment.Id));
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var useful in sample.Useful ?? [])
        {
            var item = await ItemAsync(useful.Type, useful.Item);
            foreach (var key in useful.People.Distinct())
            {
                var userId = accounts[key].UserId;
                if (!await db.UsefulMarks.AnyAsync(m => m.ItemId == item.Id && m.UserId == userId, cancellationToken))
                    db.UsefulMarks.Add(new UsefulMark { ItemId = item.Id, UserId = userId, CreatedUtc = now });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The sample people's accounts (created once for the whole network, found again by address), each holding Member here.</summary>
    private async Task<Dictionary<string, (string UserId, string Name)>> PeopleAsync(List<SamplePerson> people, string tenant, IServiceProvider services, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<NetworkUser>>();
        var accounts = services.GetRequiredService<AccountsDbContext>();
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people)
        {
            var email = $"{person.Key}@{SampleEmailDomain}";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new NetworkUser { UserName = email, Email = email, DisplayName = person.Name.Trim(), CreatedUtc = now };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException($"Compte d'exemple {email} : {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            if (!await accounts.TenantRoleAssignments.AnyAsync(a => a.UserId == user.Id && a.TenantName == tenant && a.Role == NetworkRoles.Member, cancellationToken))
            {
                accounts.TenantRoleAssignments.Add(new TenantRoleAssignment { UserId = user.Id, TenantName = tenant, Role = NetworkRoles.Member, GrantedUtc = now });
                await accounts.SaveChangesAsync(cancellationToken);
            }
            result[person.Key] = (user.Id, user.DisplayName);
        }
        return result;
    }
}
