using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Content.Feed;

/// <summary>
/// Mails about the workflow, in each recipient's language: the tenant's moderators when an item is submitted,
/// the author when it is published or rejected (with the reason). Nobody is told of their own action. A batch's
/// mails are queued in one host transaction, so a failure sends none of them and the batch is offered again.
/// </summary>
public sealed class ContentNotificationConsumer(MailComposer composer, LocalizationCatalog localization, ContentTypeRegistry types) : IContentChangeConsumer
{
    public const string AdminItemPath = "/admin/contenus";

    public string Name => "notifications";

    public async Task ApplyAsync(TenantInfo tenant, IReadOnlyList<ContentChange> changes, IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        var relevant = changes.Where(c => c.Action is "submit" or "publish" or "reject").ToList();
        if (relevant.Count == 0) return;
        var db = tenantScope.GetRequiredService<ContentDbContext>();
        var members = tenantScope.GetRequiredService<TenantMembers>();
        var outbox = tenantScope.GetRequiredService<IMailOutbox>();
        var session = tenantScope.GetRequiredService<DatabaseSession>();

        var ids = relevant.Select(c => c.ItemId).Distinct().ToList();
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id) && i.OriginTenant == null).ToDictionaryAsync(i => i.Id, cancellationToken);
        IReadOnlyList<TenantMember>? moderators = null;

        var mails = new List<OutgoingMail>();
        foreach (var change in relevant)
        {
            // A deleted item, or one of a type no module declares any more, has nothing to tell about.
            if (!items.TryGetValue(change.ItemId, out var item) || types.Find(item.ContentType) is not { } type) continue;
            switch (change.Action)
            {
                case "submit":
                    moderators ??= await members.WithPermissionAsync(ContentModule.ModerateContent.Name, cancellationToken);
                    foreach (var moderator in moderators.Where(m => m.UserId != change.UserId))
                        mails.Add(Submitted(tenant, moderator, item, type));
                    break;
                case "publish" when item.Status == ContentStatus.Published && item.AuthorId != change.UserId:
                    if (await members.FindAsync(item.AuthorId, cancellationToken) is { } author) mails.Add(Published(tenant, author, item, type));
                    break;
                case "reject" when item.AuthorId != change.UserId:
                    if (await members.FindAsync(item.AuthorId, cancellationToken) is { } rejected)
                    {
                        // The reason given with this refusal (the item may have moved on since).
                        var reason = await db.Revisions.AsNoTracking()
                            .Where(r => r.ItemId == item.Id && r.Action == "reject" && r.CreatedUtc <= change.CreatedUtc)
                            .OrderByDescending(r => r.Number).Select(r => r.Note).FirstOrDefaultAsync(cancellationToken);
                        mails.Add(Rejected(tenant, rejected, item, type, reason ?? item.RejectionReason ?? ""));
                    }
                    break;
            }
        }
        if (mails.Count == 0) return;
        await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
        foreach (var mail in mails) await outbox.EnqueueAsync(mail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private MailDraft Draft(TenantInfo tenant, TenantMember to) => composer.Create(tenant, to.Email, to.DisplayName, to.PreferredCulture);

    private string TypeName(ContentTypeDefinition type, MailDraft draft) => localization.Translate(type.DisplayName, draft.Culture) ?? type.DisplayName;

    private static string SiteName(TenantInfo tenant) => string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;

    private OutgoingMail Submitted(TenantInfo tenant, TenantMember to, ContentItem item, ContentTypeDefinition type)
    {
        var draft = Draft(tenant, to);
        return draft
            .Subject("À relire : « {0} »", item.Title)
            .Heading("Un contenu attend votre relecture")
            .Paragraph("{0} a soumis « {1} » ({2}) pour publication sur {3}.", item.AuthorName, item.Title, TypeName(type, draft), SiteName(tenant))
            .Paragraph("Vous pouvez le publier, programmer sa publication ou le refuser en indiquant la raison à l'auteur.")
            .Link("Relire ce contenu", $"{AdminItemPath}/{item.Id}")
            .Build();
    }

    private OutgoingMail Published(TenantInfo tenant, TenantMember to, ContentItem item, ContentTypeDefinition type)
    {
        var draft = Draft(tenant, to);
        draft.Subject("Votre contenu « {0} » est publié", item.Title)
            .Heading("Votre contenu est en ligne")
            .Paragraph("« {0} » ({1}) est désormais publié sur {2}.", item.Title, TypeName(type, draft), SiteName(tenant));
        if (item.SharedWithNetwork) draft.Paragraph("Il est aussi partagé avec le réseau national.");
        return draft
            .Link("Voir la page publique", type.PublicUrl(item.Slug))
            .Link("Suivre votre contenu", $"{AdminItemPath}/{item.Id}")
            .Build();
    }

    private OutgoingMail Rejected(TenantInfo tenant, TenantMember to, ContentItem item, ContentTypeDefinition type, string reason)
    {
        var draft = Draft(tenant, to);
        return draft
            .Subject("Votre contenu « {0} » doit être revu", item.Title)
            .Heading("Votre contenu n'a pas été publié")
            .Paragraph("La coordination de {0} n'a pas publié « {1} » ({2}) en l'état. Voici la raison indiquée :", SiteName(tenant), item.Title, TypeName(type, draft))
            .Paragraph("{0}", reason)
            .Paragraph("Vous pouvez le modifier puis le soumettre à nouveau.")
            .Link("Modifier le contenu", type.EditUrl(item.Id))
            .Link("Voir l'état du contenu", $"{AdminItemPath}/{item.Id}")
            .Build();
    }
}
