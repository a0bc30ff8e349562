using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Mail;
using Network.Modules.Pages.Contact;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Legal;

namespace Network.Modules.Pages.Pages.Contact;

/// <summary>
/// The contact page (/contact): the text of the page with the contact role (or its generated default), then the form
/// that mails the tenant's contact address. A sent message redirects to the confirmation (PRG); each rendered form
/// carries an id, so posting the same form again sends nothing.
/// </summary>
[EnableRateLimiting(ContactRateLimiting.Policy)]
public sealed class ContactPageModel(RolePages rolePages, SafeMarkdown markdown, TenantContext tenantContext, ContactMessages messages, IOptions<MailOptions> mailOptions) : PageModel
{
    private readonly List<(string Key, string Message)> _errors = [];

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>"fr" when an English visitor reads the French text (no translation written), else null.</summary>
    public string? BodyLanguage { get; private set; }

    public TenantInfo Tenant => tenantContext.Required;

    /// <summary>Without a contact address the form is not offered (there is nobody to send to).</summary>
    public bool FormAvailable => !string.IsNullOrWhiteSpace(Tenant.ContactEmail);

    public int KeepSentDays => mailOptions.Value.KeepSentDays;

    public IReadOnlyList<(string Key, string Message)> Errors => _errors;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadTextAsync(cancellationToken);
        Input = new ContactInput { FormId = Guid.NewGuid() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadTextAsync(cancellationToken);
        if (!FormAvailable)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        // Bots fill every field; people never see this one. Pretend it worked, send nothing.
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToSent();

        var message = new ContactMessage((Input.Name ?? "").Trim(), (Input.Email ?? "").Trim(), Input.Subject ?? "",
            (Input.Message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        if (Input.FormId is not { } formId || formId == Guid.Empty)
            AddError("", "Le formulaire est incomplet : rechargez la page et recommencez.");
        foreach (var (field, error) in ContactMessages.Check(message)) AddError("Input." + (field == "Text" ? "Message" : field), error);
        if (_errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await messages.SendAsync(Tenant, Input.FormId!.Value, message, cancellationToken);
        return RedirectToSent();
    }

    private RedirectResult RedirectToSent() => Redirect((Request.PathBase.Value ?? "") + "/contact/envoye");

    private async Task LoadTextAsync(CancellationToken cancellationToken)
    {
        var page = await rolePages.FindAsync(PageRoles.Contact, cancellationToken);
        var text = page is null
            ? RolePageDefaults.For(PageRoles.Contact, Tenant)
            : new Network.Core.Theming.LegalPageText(page.Item.Title, page.Fields.Body, page.Fields.TitleEn, page.Fields.BodyEn, null, page.Item.UpdatedUtc);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var useEnglish = english && text.TitleEn.Length > 0 && text.BodyMarkdownEn.Length > 0;
        Title = useEnglish ? text.TitleEn : text.Title;
        Body = markdown.Render(useEnglish ? text.BodyMarkdownEn : text.BodyMarkdown, Request.PathBase.Value ?? "");
        BodyLanguage = english && !useEnglish ? "fr" : null;
    }

    private void AddError(string key, string message)
    {
        _errors.Add((key, message));
        ModelState.AddModelError(key, message);
    }
}

public sealed class ContactInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Subject { get; set; }
    public string? Message { get; set; }

    /// <summary>The honeypot: hidden from people and assistive technologies, filled by bots.</summary>
    public string? Website { get; set; }

    /// <summary>Identifies one rendered form: a second post of it sends nothing.</summary>
    public Guid? FormId { get; set; }
}
