using System.Net.Mail;

namespace Network.Modules.Mail;

/// <summary>The <c>Mail</c> section of appsettings.json.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Pickup (default: .eml files under &lt;DataPath&gt;/mail, no mail server needed) or Smtp.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Sender address of every message; the tenant's name goes in the display name.</summary>
    public string From { get; set; } = "ne-pas-repondre@reseau.localhost";

    public string FromName { get; set; } = "Réseau Culture et Numérique";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Longest wait between two looks at the outbox; new messages wake the worker at once.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Delivery attempts before a message is given up (it stays in the outbox with its error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further failure (tests shorten it).</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>Cap of the exponential back-off.</summary>
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>
    /// While the site is busy answering requests (<see cref="Network.Core.Hosting.RequestLoad"/>), due messages wait at
    /// most this long before they are delivered all the same; 0 delivers at once whatever the load.
    /// </summary>
    public double BusyDeferSeconds { get; set; } = 10;

    /// <summary>Sent messages (which may hold personal links) are deleted after this many days; 0 keeps them.</summary>
    public int KeepSentDays { get; set; } = 30;

    /// <summary>Problems of this configuration, in words an operator can act on (empty when valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (!MailAddress.TryCreate(From, out var from) || from.Address != From.Trim())
            yield return $"Mail:From « {From} » n'est pas une adresse électronique valide.";
        if (Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
            yield return "Mail:Smtp:Host est requis avec le transport Smtp.";
        if (Smtp.Port is < 1 or > 65535) yield return "Mail:Smtp:Port doit être compris entre 1 et 65535.";
        if (Smtp.TimeoutSeconds <= 0) yield return "Mail:Smtp:TimeoutSeconds doit être positif.";
        if (PollSeconds <= 0) yield return "Mail:PollSeconds doit être positif.";
        if (BusyDeferSeconds < 0) yield return "Mail:BusyDeferSeconds ne peut pas être négatif.";
        if (MaxAttempts < 1) yield return "Mail:MaxAttempts doit valoir au moins 1.";
        if (RetryBaseSeconds <= 0 || RetryMaxSeconds < RetryBaseSeconds)
            yield return "Mail:RetryBaseSeconds doit être positif et inférieur ou égal à Mail:RetryMaxSeconds.";
        if (KeepSentDays < 0) yield return "Mail:KeepSentDays ne peut pas être négatif.";
    }
}

public enum MailTransportKind
{
    Pickup,
    Smtp,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;

    /// <summary>
    /// Upgrades the connection with STARTTLS (SmtpClient.EnableSsl), as on port 587. System.Net.Mail has no
    /// implicit TLS, so port 465 cannot be used.
    /// </summary>
    public bool StartTls { get; set; }

    /// <summary>Credentials are sent only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
