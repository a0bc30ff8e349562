using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Modules;
using Network.Modules.Mail.Composition;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Services;
using Network.Modules.Mail.Transport;

namespace Network.Modules.Mail;

/// <summary>The durable mail outbox and the worker that delivers it (SMTP or a pickup folder).</summary>
public sealed class MailModule : NetworkModule
{
    public const string ModuleId = "Mail";

    public override string Id => ModuleId;
    public override string Name => "Courriel";
    public override string Description => "File d'envoi durable des courriels, avec nouvelles tentatives ; SMTP ou dossier de dépôt.";

    /// <summary>The outbox is network-wide (host database): only network administrators see it, on the hub.</summary>
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Courriels", "/admin/courriels", null, 20, HubOnly: true)];

    public override IReadOnlyList<Type> HostDbContexts => [typeof(MailDbContext)];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(MailRelayDbContext)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHostDbContext<MailDbContext>();
        services.AddTenantDbContext<MailRelayDbContext>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<MailRelay>();
        services.AddScoped<MailOutboxStore>();
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<MailComposer>();

        services.AddSingleton<OutboxMailMessageFactory>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport switch
        {
            MailTransportKind.Smtp => sp.GetRequiredService<SmtpMailTransport>(),
            _ => sp.GetRequiredService<PickupFolderMailTransport>(),
        });
        services.AddHostedService<MailDeliveryWorker>();
        services.AddSingleton<MailRelayWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MailRelayWorker>());
    }

    /// <summary>A wrong mail setting stops the host at start-up with a message, instead of failing every send later.</summary>
    private sealed class MailOptionsValidation : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
