using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Pages;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;

namespace Network.Modules.Media.Pages.Admin.Medias;

/// <summary>The texts of a media, as posted by the upload and edit forms.</summary>
public sealed class MediaTextsInput
{
    public string? Alt { get; set; }
    public bool Decorative { get; set; }
    public string? Credit { get; set; }
}

/// <summary>Shared by the media admin pages: errors by input name, localized.</summary>
public abstract class MediaPageModel(IStringLocalizer localizer) : PageModel
{
    protected IStringLocalizer T { get; } = localizer;

    /// <summary>Localized problems by input name ("Input.Alt", "Upload").</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public string? FirstError(string name) => Errors.GetValueOrDefault(name)?.FirstOrDefault();

    protected void AddErrors(IEnumerable<MediaError> errors)
    {
        foreach (var error in errors)
        {
            var name = error.Field switch { "alt" => "Input.Alt", "credit" => "Input.Credit", _ => "Upload" };
            if (!Errors.TryGetValue(name, out var list)) Errors[name] = list = [];
            // Arguments that are phrases ("une image PNG") are translated too; file names are not keys and pass unchanged.
            var arguments = error.Message.Arguments.Select(a => a is string text ? T[text].Value : a).ToArray();
            list.Add(T[error.Message.Format, arguments].Value);
        }
    }

    protected string PathBase => Request.PathBase.Value ?? "";

    protected string UserEmail => User.Identity?.Name ?? "";
}

/// <summary>The media library: every file of the tenant as cards with their number, key, size and alternative text, newest first.</summary>
[RequirePermission("UploadMedia")]
public sealed class MediasIndexModel(MediaLibrary library, IAuthorizationService authorization, IStringLocalizer localizer) : MediaPageModel(localizer)
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>May edit texts and delete (ManageMedia).</summary>
    public bool CanManage { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = (await authorization.AuthorizeAsync(User, MediaModule.ManageMedia.Policy)).Succeeded;
        var (_, total) = await library.ListAsync(0, 0, cancellationToken: cancellationToken);
        var page = Pager.Clamp(PageNumber, total, PageSize);
        var pathBase = PathBase;
        Pager = new Pager(page, PageSize, total, p => $"{pathBase}/admin/medias?p={p}");
        (Items, _) = await library.ListAsync(Pager.Skip, PageSize, cancellationToken: cancellationToken);
    }
}

/// <summary>Upload form: one file, its alternative text (or decorative), its credit. Contributors and coordinators.</summary>
[RequirePermission("UploadMedia")]
[UploadBodyLimit]
public sealed class MediasUploadModel(MediaLibrary library, MediaUploadValidator validator, Microsoft.Extensions.Options.IOptions<MediaOptions> options, IStringLocalizer localizer) : MediaPageModel(localizer)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public MediaTextsInput Input { get; set; } = new();

    public string MaxFileSize => MediaUploadValidator.FormatSize(validator.MaxFileBytes);

    public string MaxMegapixels => options.Value.MaxMegapixels.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0 && string.IsNullOrEmpty(Upload.FileName))
        {
            Errors["Upload"] = [T["Choisissez un fichier à déposer."].Value];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await library.UploadAsync(Upload, Input.Alt, Input.Decorative, Input.Credit, UserEmail, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var item = result.Item!;
        TempData[nameof(MediasIndexModel.StatusMessage)] = result.AlreadyInLibrary
            ? T["Ce fichier était déjà dans la médiathèque, sous le n° {0} : il n'a pas été ajouté une seconde fois.", item.Id].Value
            : T["« {0} » est ajouté à la médiathèque sous le n° {1}.", item.OriginalFileName, item.Id].Value;
        return Redirect($"{PathBase}/admin/medias");
    }
}

/// <summary>One media: its files and addresses, its texts (editable), deletion (refused while a module uses it).</summary>
[RequirePermission("ManageMedia")]
public sealed class MediasEditModel(MediaLibrary library, IStringLocalizer localizer) : MediaPageModel(localizer)
{
    public MediaItem Item { get; private set; } = null!;

    [BindProperty]
    public MediaTextsInput Input { get; set; } = new();

    /// <summary>Where the media is used, when a deletion was refused.</summary>
    public IReadOnlyList<MediaUsage>? BlockingUsages { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool enregistre, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        Item = item;
        Input = new MediaTextsInput { Alt = item.Alt, Decorative = item.Decorative, Credit = item.Credit };
        Saved = enregistre;
        return Page();
    }

    public async Task<IActionResult> OnPostTextsAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        var errors = await library.UpdateTextsAsync(id, Input.Alt, Input.Decorative, Input.Credit, cancellationToken);
        if (errors.Count > 0)
        {
            Item = item;
            AddErrors(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"{PathBase}/admin/medias/{id}?enregistre=true");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        var result = await library.DeleteAsync(id, cancellationToken);
        if (!result.Deleted)
        {
            Item = item;
            Input = new MediaTextsInput { Alt = item.Alt, Decorative = item.Decorative, Credit = item.Credit };
            BlockingUsages = result.Usages;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[nameof(MediasIndexModel.StatusMessage)] = T["Le média n° {0} (« {1} ») est supprimé, avec ses fichiers.", item.Id, item.OriginalFileName].Value;
        return Redirect($"{PathBase}/admin/medias");
    }
}
