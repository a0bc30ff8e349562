using Network.Core.Modules;

namespace Network.Modules.Mail;

/// <summary>The durable mail outbox and the worker that delivers it (SMTP or a pickup folder).</summary>
public sealed class MailModule : NetworkModule
{
    public override string Id => "Mail";
    public override string Name => "Courriel";
    public override string Description => "File d'envoi durable des courriels, avec nouvelles tentatives ; SMTP ou dossier de dépôt.";
}
