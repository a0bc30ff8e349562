using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Media.Validation;

namespace Network.Modules.Calls.Services;

public sealed record AttachmentResult(ApplicationAttachment? Attachment, IReadOnlyList<MediaMessage> Errors);

/// <summary>
/// The applications' private PDFs, under <c>&lt;DataPath&gt;/tenants/&lt;name&gt;/calls/</c> with random names, never in the
/// public media library: checked by their bytes with the Media module's validator (PDF only, <see cref="MaxBytes"/>),
/// listed and deleted by the applicant while the application is editable, served by an access-checked endpoint.
/// </summary>
public sealed partial class ApplicationFiles(CallsDbContext db, MediaUploadValidator validator, IOptions<NetworkOptions> options, TenantContext tenantContext, TimeProvider clock)
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxFiles = 10;

    [GeneratedRegex("^[0-9a-f]{32}\\.pdf$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();

    public static string MaxSize => MediaUploadValidator.FormatSize(MaxBytes);

    private string Folder => Path.Combine(options.Value.DataPath, "tenants", tenantContext.Required.Name, "calls");

    public Task<List<ApplicationAttachment>> ListAsync(int applicationId, CancellationToken cancellationToken = default)
        => db.Attachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<AttachmentResult> AddAsync(CallApplication application, string fileName, string? contentType, Stream content, long length, CancellationToken cancellationToken = default)
    {
        var name = MediaFileNames.Display(fileName);
        if (length > MaxBytes)
            return Refused(new MediaMessage("Le fichier « {0} » pèse {1} : la limite est de {2} par pièce jointe.", name, MediaUploadValidator.FormatSize(length), MaxSize));
        if (await db.Attachments.CountAsync(a => a.ApplicationId == application.Id, cancellationToken) >= MaxFiles)
            return Refused(new MediaMessage("Une candidature compte au plus {0} pièces jointes : supprimez-en une avant d'en ajouter.", MaxFiles));
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
            return Refused(new MediaMessage("Le fichier « {0} » pèse {1} : la limite est de {2} par pièce jointe.", name, MediaUploadValidator.FormatSize(buffer.Length), MaxSize));
        var bytes = buffer.ToArray();
        var validation = validator.Validate(name, contentType, bytes);
        if (!validation.IsValid) return new(null, validation.Errors);
        if (validation.Format != MediaFormat.Pdf)
            return Refused(new MediaMessage("Le fichier « {0} » est {1} : seuls les documents PDF sont acceptés comme pièces jointes.", name, validation.Format!.Label));

        Directory.CreateDirectory(Folder);
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".pdf";
        var path = Path.Combine(Folder, stored);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        var attachment = new ApplicationAttachment
        {
            ApplicationId = application.Id,
            Purpose = "other",
            FileName = name,
            StoredName = stored,
            Length = bytes.Length,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return new(attachment, []);
    }

    public async Task<bool> DeleteAsync(CallApplication application, int attachmentId, CancellationToken cancellationToken = default)
    {
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == application.Id, cancellationToken);
        if (attachment is null) return false;
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        if (PathOf(attachment) is { } path) File.Delete(path);
        return true;
    }

    /// <summary>The stored file's path, only ever built from a name this class produced.</summary>
    public string? PathOf(ApplicationAttachment attachment)
        => StoredNamePattern().IsMatch(attachment.StoredName) ? Path.Combine(Folder, attachment.StoredName) : null;

    private static AttachmentResult Refused(MediaMessage message) => new(null, [message]);
}
