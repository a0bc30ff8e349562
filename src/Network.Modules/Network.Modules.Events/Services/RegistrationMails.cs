using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Events.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Events.Services;

/// <summary>
/// The mails of a registration, in the person's language: the guest's verification, the confirmation (with the
/// calendar file when a seat is held), the waitlist notice and the promotion when a seat frees. The joining link of an
/// online event appears only in mails to confirmed registrants. Callers enqueue them inside their tenant transaction.
/// </summary>
public sealed class RegistrationMails(MailComposer composer, TenantContext tenantContext, TimeProvider clock)
{
    /// <summary>To a guest: open the personal link to confirm the address before the deadline, or the registration expires.</summary>
    public OutgoingMail Verification(EventView view, EventRegistration registration, string token)
    {
        var draft = Start(registration);
        var culture = draft.Culture;
        draft.Subject("Confirmez votre inscription : {0}", view.Item.Title)
            .Paragraph("Vous vous êtes inscrit·e à « {0} » ({1}).", view.Item.Title, ParisTime.Format(view.Fields.StartUtc, culture))
            .Paragraph("Pour confirmer votre adresse électronique, ouvrez le lien ci-dessous avant le {0} (heure de Paris) ; sans cela votre inscription sera annulée et sa place libérée.",
                ParisTime.Format(registration.VerifyByUtc ?? clock.GetUtcNow().UtcDateTime, culture));
        if (registration.Status == RegistrationStatus.Waitlisted)
            draft.Paragraph("L'événement est complet : vous êtes sur la liste d'attente. Si une place se libère, elle vous sera attribuée automatiquement et vous serez prévenu·e par courriel.");
        return draft
            .Link("Confirmer mon adresse et voir mon inscription", RegistrationTokens.PathOf(token))
            .Paragraph("Ce lien est personnel : il permet de voir, de modifier ou d'annuler votre inscription sans compte. Ne le transmettez pas.")
            .Build();
    }

    /// <summary>The registration recorded (an account's at once, a guest's once the address is verified): seat or waitlist place, personal link, calendar file.</summary>
    public OutgoingMail Confirmation(EventView view, EventRegistration registration, IReadOnlyList<WorkshopChoice> choices, string token, int? waitlistPosition)
    {
        var draft = Start(registration);
        var culture = draft.Culture;
        var confirmed = registration.Status == RegistrationStatus.Confirmed;
        if (confirmed)
            draft.Subject("Inscription confirmée : {0}", view.Item.Title)
                .Paragraph("Votre inscription à « {0} » est confirmée.", view.Item.Title);
        else
            draft.Subject("Liste d'attente : {0}", view.Item.Title)
                .Paragraph("L'événement « {0} » est complet : vous êtes sur la liste d'attente, en position {1}. Si une place se libère, elle vous sera attribuée automatiquement et vous serez prévenu·e par courriel.",
                    view.Item.Title, waitlistPosition ?? 0);
        Details(draft, view, registration, choices, confirmed);
        draft.Link("Voir, modifier ou annuler mon inscription", RegistrationTokens.PathOf(token))
            .Paragraph("Ce lien est personnel : il permet de voir, de modifier ou d'annuler votre inscription sans compte. Ne le transmettez pas.");
        return WithCalendar(draft.Build(), draft, view, registration, confirmed);
    }

    /// <summary>A seat freed for someone waiting: of the event, or of workshops they chose.</summary>
    public OutgoingMail Promotion(EventView view, EventRegistration registration, IReadOnlyList<WorkshopChoice> choices, bool eventSeat, IReadOnlyList<string> workshopKeys)
    {
        var draft = Start(registration);
        draft.Subject("Une place s'est libérée : {0}", view.Item.Title);
        if (eventSeat) draft.Paragraph("Une place s'est libérée pour « {0} » : elle vous est attribuée, votre inscription est confirmée.", view.Item.Title);
        foreach (var key in workshopKeys)
            if (view.Fields.Sessions.FirstOrDefault(s => s.Key == key) is { } session)
                draft.Paragraph("Une place s'est libérée à l'atelier « {0} » : elle vous est attribuée.", session.Title);
        Details(draft, view, registration, choices, confirmed: true);
        if (registration.AddressVerifiedUtc is null)
            draft.Paragraph("Pensez à confirmer votre adresse avec le lien reçu lors de votre inscription, sans quoi elle sera annulée.");
        if (registration.UserId is not null) draft.Link("Mes inscriptions", "/compte/inscriptions");
        else draft.Paragraph("Pour voir, modifier ou annuler votre inscription, utilisez le lien personnel reçu lors de votre inscription.");
        return WithCalendar(draft.Build(), draft, view, registration, confirmed: true);
    }

    private MailDraft Start(EventRegistration registration)
        => composer.Create(tenantContext.Required, registration.Email, registration.FullName, registration.Culture);

    private static void Details(MailDraft draft, EventView view, EventRegistration registration, IReadOnlyList<WorkshopChoice> choices, bool confirmed)
    {
        var culture = draft.Culture;
        var f = view.Fields;
        draft.Paragraph("Du {0} au {1} (heure de Paris).", ParisTime.Format(f.StartUtc, culture), ParisTime.Format(f.EndUtc, culture));
        if (f.Online)
        {
            draft.Paragraph("En ligne.");
            // The joining link is for confirmed registrants only.
            if (confirmed && view.Setup.OnlineJoinUrl.Trim().Length > 0) draft.Paragraph("Lien pour rejoindre l'événement : {0}", view.Setup.OnlineJoinUrl.Trim());
        }
        else draft.Paragraph("Lieu : {0}", IcsCalendar.Location(f));
        foreach (var choice in choices.OrderBy(c => f.Sessions.FindIndex(s => s.Key == c.SessionKey)))
        {
            if (f.Sessions.FirstOrDefault(s => s.Key == choice.SessionKey) is not { } session) continue;
            draft.Paragraph(choice.Status == WorkshopChoiceStatus.Confirmed && registration.Status == RegistrationStatus.Confirmed
                    ? "Atelier « {0} » ({1}) : place réservée."
                    : "Atelier « {0} » ({1}) : sur liste d'attente.",
                session.Title, ParisTime.Format(session.StartUtc, culture));
        }
        draft.Link("Page de l'événement", EventPath(view));
    }

    public static string EventPath(EventView view) => "/evenements/" + view.Item.Slug;

    /// <summary>The .ics of the registration (its own UID, the joining link inside for an online event), for a confirmed registrant only.</summary>
    private OutgoingMail WithCalendar(OutgoingMail mail, MailDraft draft, EventView view, EventRegistration registration, bool confirmed)
    {
        if (!confirmed) return mail;
        var join = view.Fields.Online && view.Setup.OnlineJoinUrl.Trim().Length > 0 ? view.Setup.OnlineJoinUrl.Trim() : null;
        var tenant = tenantContext.Required;
        var ics = IcsCalendar.ForEvent(view.Item, view.Fields, view.Setup, IcsCalendar.RegistrationUid(tenant.Name, registration.Id, new Uri(draft.Url("/")).Host),
            draft.Url(EventPath(view)), join, string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName);
        var bytes = IcsCalendar.WriteBytes([ics], clock.GetUtcNow().UtcDateTime);
        return mail with { Attachments = [new MailAttachment(FileName(view), IcsCalendar.ContentType, bytes)] };
    }

    private static string FileName(EventView view)
    {
        var slug = view.Item.Slug.Length is > 0 and <= 100 ? view.Item.Slug : "evenement";
        return slug + ".ics";
    }
}
