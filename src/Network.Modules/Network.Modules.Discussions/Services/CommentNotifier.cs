using Microsoft.EntityFrameworkCore;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Discussions.Services;

/// <summary>
/// Tells the item's author of a newly published comment, and the parent comment's author of a reply, in each person's
/// language; nobody is told of their own comment and nobody twice. Called inside the tenant transaction that publishes
/// the comment, so the mails (through the tenant's mail relay) commit with it.
/// </summary>
public sealed class CommentNotifier(DiscussionsDbContext db, TenantMembers members, IMailOutbox outbox, MailComposer composer,
    LocalizationCatalog localization, TenantContext tenantContext)
{
    public async Task PublishedAsync(Comment comment, ContentItem item, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var told = new HashSet<string>(StringComparer.Ordinal);
        if (comment.AuthorId is { } commenter) told.Add(commenter);
        var link = $"{type.PublicUrl(item.Slug)}#{CommentAnchors.Of(comment.Id)}";

        if (comment.ParentId is { } parentId)
        {
            var parentAuthor = await db.Comments.AsNoTracking().Where(c => c.Id == parentId).Select(c => c.AuthorId).FirstOrDefaultAsync(cancellationToken);
            if (parentAuthor is not null && told.Add(parentAuthor) && await members.FindAsync(parentAuthor, cancellationToken) is { } to)
            {
                var draft = composer.Create(tenant, to.Email, to.DisplayName, to.PreferredCulture);
                await outbox.EnqueueAsync(draft
                    .Subject("Nouvelle réponse à votre commentaire sur « {0} »", item.Title)
                    .Heading("Quelqu'un vous a répondu")
                    .Paragraph("{0} a répondu à votre commentaire sur « {1} » ({2}).", comment.AuthorName, item.Title, TypeName(type, draft.Culture))
                    .Paragraph("{0}", Excerpt(comment.Body))
                    .Link("Lire la réponse", link)
                    .Build(), cancellationToken);
            }
        }
        if (told.Add(item.AuthorId) && await members.FindAsync(item.AuthorId, cancellationToken) is { } author)
        {
            var draft = composer.Create(tenant, author.Email, author.DisplayName, author.PreferredCulture);
            await outbox.EnqueueAsync(draft
                .Subject("Nouveau commentaire sur « {0} »", item.Title)
                .Heading("Votre contenu a reçu un commentaire")
                .Paragraph("{0} a commenté « {1} » ({2}).", comment.AuthorName, item.Title, TypeName(type, draft.Culture))
                .Paragraph("{0}", Excerpt(comment.Body))
                .Link("Lire le commentaire", link)
                .Build(), cancellationToken);
        }
    }

    private string TypeName(ContentTypeDefinition type, System.Globalization.CultureInfo culture) => localization.Translate(type.DisplayName, culture) ?? type.DisplayName;

    /// <summary>The comment's words without Markdown, at most 300 characters.</summary>
    private static string Excerpt(string body)
    {
        var text = Network.Core.Text.SafeMarkdown.ToPlainText(body);
        return text.Length <= 300 ? text : text[..299] + "…";
    }
}

/// <summary>The fragment of a comment on its item's page, one spelling for the page, the redirects and the mails.</summary>
public static class CommentAnchors
{
    public const string Section = "commentaires";
    public const string Useful = "utile";

    public static string Of(int commentId) => $"commentaire-{commentId}";
}
