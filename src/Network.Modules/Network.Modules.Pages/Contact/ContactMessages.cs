using System.Collections.Concurrent;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail.Composition;
using Network.Modules.Mail.Services;

namespace Network.Modules.Pages.Contact;

/// <summary>What a visitor writes through the contact form.</summary>
public sealed record ContactMessage(string Name, string Email, string Subject, string Text);

/// <summary>The contact form's rules and its delivery: one message to the tenant's contact address, Reply-To the visitor.</summary>
public sealed class ContactMessages(MailComposer composer, IMailOutbox outbox, ContactSubmissions submissions, LocalizationCatalog localization)
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int TextMinLength = 20;
    public const int TextMaxLength = 5000;

    /// <summary>The subjects a visitor chooses from: (value, French label).</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Subjects =
    [
        ("question", "Une question générale"),
        ("projet", "Un projet"),
        ("appel", "Un appel à projets"),
        ("evenement", "Un événement"),
        ("presse", "Une demande de la presse"),
        ("autre", "Autre chose"),
    ];

    /// <summary>Problems by input name ("Name", "Email", "Subject", "Text"), in French; empty when the message can be sent.</summary>
    public static IEnumerable<(string Field, string Message)> Check(ContactMessage message)
    {
        if (message.Name.Length == 0) yield return ("Name", "Indiquez votre nom.");
        else if (message.Name.Length > NameMaxLength) yield return ("Name", $"Votre nom ne peut dépasser {NameMaxLength} caractères.");
        else if (message.Name.Any(char.IsControl)) yield return ("Name", "Votre nom doit tenir sur une ligne.");
        if (message.Email.Length == 0) yield return ("Email", "Indiquez votre adresse électronique : nous en avons besoin pour vous répondre.");
        else if (message.Email.Length > EmailMaxLength || !OutgoingMailRules.IsRecipientAddress(message.Email))
            yield return ("Email", "Indiquez une adresse électronique valide, au format nom@domaine.fr.");
        if (!Subjects.Any(s => s.Value == message.Subject)) yield return ("Subject", "Choisissez l'objet de votre message.");
        if (message.Text.Length == 0) yield return ("Text", "Écrivez votre message.");
        else if (message.Text.Length < TextMinLength) yield return ("Text", $"Votre message est trop court : écrivez au moins {TextMinLength} caractères.");
        else if (message.Text.Length > TextMaxLength) yield return ("Text", $"Votre message ne peut dépasser {TextMaxLength} caractères (il en compte {message.Text.Length}).");
    }

    /// <summary>
    /// Queues the message once per form: a second submission of the same form (a refresh, a double click) sends
    /// nothing. Returns false when it was already sent. The tenant must have a contact address.
    /// </summary>
    public async Task<bool> SendAsync(TenantInfo tenant, Guid formId, ContactMessage message, CancellationToken cancellationToken)
    {
        var to = tenant.ContactEmail ?? throw new InvalidOperationException("The tenant has no contact address.");
        if (!submissions.TryClaim(formId)) return false;
        try
        {
            var site = string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;
            var draft = composer.Create(tenant, to).ReplyTo(message.Email);
            var subject = Subjects.First(s => s.Value == message.Subject).Label;
            subject = localization.Translate(subject, draft.Culture) ?? subject;
            draft.Subject("[{0}] {1} : message de {2}", site, subject, message.Name)
                .Heading("Message reçu par le formulaire de contact")
                .Paragraph("{0} ({1}) vous écrit depuis le formulaire de contact du site.", message.Name, message.Email)
                .Paragraph("Objet : {0}", subject);
            foreach (var paragraph in message.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                draft.Paragraph("{0}", paragraph);
            draft.Paragraph("Pour répondre, répondez simplement à ce courriel : votre réponse ira à {0}.", message.Email);
            await outbox.EnqueueAsync(draft.Build(), cancellationToken);
            return true;
        }
        catch
        {
            submissions.Release(formId);
            throw;
        }
    }
}

/// <summary>
/// The forms already sent (by the id each rendered form carries), remembered for a day, so that the same form
/// posted again sends nothing. In memory: behind several nodes a repeat may reach another one, which the rate
/// limit bounds.
/// </summary>
public sealed class ContactSubmissions(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _sent = new();

    public bool TryClaim(Guid formId)
    {
        var now = clock.GetUtcNow();
        if (_sent.Count > MaxRemembered)
        {
            foreach (var (id, at) in _sent)
            {
                if (now - at > Memory) _sent.TryRemove(id, out _);
            }
        }
        return _sent.TryAdd(formId, now);
    }

    public void Release(Guid formId) => _sent.TryRemove(formId, out _);
}
