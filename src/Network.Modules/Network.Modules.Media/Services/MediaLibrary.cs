using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Network.Core.Tenancy;
using Network.Modules.Media.Data;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Validation;

namespace Network.Modules.Media.Services;

/// <summary>A problem with one input of an upload or an edit: "file", "alt" or "credit".</summary>
public sealed record MediaError(string Field, MediaMessage Message);

/// <param name="Item">The stored media (or the one already holding the same content).</param>
/// <param name="AlreadyInLibrary">The same file was uploaded before: nothing new was stored, <paramref name="Item"/> is that entry.</param>
public sealed record MediaUploadResult(MediaItem? Item, IReadOnlyList<MediaError> Errors, bool AlreadyInLibrary = false)
{
    public bool Succeeded => Item is not null && Errors.Count == 0;
}

/// <param name="Usages">Where the media is used, when that prevented the deletion.</param>
public sealed record MediaDeleteResult(bool Deleted, IReadOnlyList<MediaUsage> Usages);

/// <summary>
/// The current tenant's media library: uploads (validated, processed, stored once per content), lookups, texts, deletion
/// guarded by the modules that use media. Refused uploads leave nothing on disk nor in the database.
/// </summary>
public sealed class MediaLibrary(
    MediaDbContext db,
    MediaUploadValidator validator,
    ImageProcessor processor,
    MediaStorage storage,
    TenantContext tenantContext,
    IEnumerable<IMediaUsageProvider> usageProviders,
    ILogger<MediaLibrary> logger)
{
    public Task<MediaUploadResult> UploadAsync(IFormFile file, string? alt, bool decorative, string? credit, string uploadedBy, CancellationToken cancellationToken = default)
    {
        return Upload(file.OpenReadStream(), file.FileName, file.ContentType, file.Length, alt, decorative, credit, uploadedBy, cancellationToken);
    }

    /// <param name="declaredContentType">The Content-Type sent with the file, if any: it must agree with the bytes.</param>
    public Task<MediaUploadResult> UploadAsync(Stream content, string fileName, string? declaredContentType, string? alt, bool decorative, string? credit, string uploadedBy, CancellationToken cancellationToken = default)
        => Upload(content, fileName, declaredContentType, content.CanSeek ? content.Length : null, alt, decorative, credit, uploadedBy, cancellationToken);

    private async Task<MediaUploadResult> Upload(Stream content, string fileName, string? declaredContentType, long? length, string? alt, bool decorative, string? credit,
        string uploadedBy, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var displayName = MediaFileNames.Display(fileName);
        // Nothing beyond the limit is read: an oversized file is refused from its announced length or after limit + 1 bytes.
        byte[] data = length > validator.MaxFileBytes ? [] : await ReadAtMostAsync(content, validator.MaxFileBytes + 1, cancellationToken);
        var validation = validator.Validate(displayName, declaredContentType, data, length);
        var errors = new List<MediaError>();
        if (!validation.IsValid) errors.AddRange(validation.Errors.Select(m => new MediaError("file", m)));
        var isImage = validation.Format?.IsImage ?? MediaFormat.FromExtension(Path.GetExtension(displayName))?.IsImage ?? true;
        errors.AddRange(CheckTexts(isImage, alt, decorative, credit));
        if (errors.Count > 0) return new MediaUploadResult(null, errors);
        var format = validation.Format!;

        var key = Convert.ToHexStringLower(SHA256.HashData(data))[..32];
        if (await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken) is { } existing)
            return new MediaUploadResult(existing, [], AlreadyInLibrary: true);

        var item = new MediaItem
        {
            Key = key,
            OriginalFileName = displayName,
            ContentType = format.ContentType,
            Length = data.Length,
            Alt = isImage && decorative ? "" : (alt ?? "").Trim(),
            Decorative = isImage && decorative,
            Credit = (credit ?? "").Trim(),
            UploadedBy = uploadedBy,
            UploadedUtc = DateTime.UtcNow,
        };
        List<(string, byte[])> files;
        if (format.IsImage)
        {
            ProcessedImage image;
            try
            {
                image = await processor.ProcessAsync(data, format, displayName, cancellationToken);
            }
            catch (ImageRejectedException exception)
            {
                logger.LogInformation("Image {FileName} refused in tenant {Tenant}: {Detail}", displayName, tenant.Name, exception.Message);
                return new MediaUploadResult(null, [new MediaError("file", exception.UserMessage)]);
            }
            item.Kind = MediaKind.Image;
            item.Width = image.Width;
            item.Height = image.Height;
            item.Fallback = image.Fallback;
            item.Widths = image.Widths.ToList();
            files = image.Variants.Select(v => (v.FileName, v.Bytes)).ToList();
        }
        else
        {
            item.Kind = MediaKind.Document;
            item.DocumentName = MediaFileNames.Slug(displayName);
            files = [(item.DocumentName + ".pdf", data)];
        }

        var created = await storage.StoreAsync(tenant.Name, key, files, cancellationToken);
        db.MediaItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(item).State = EntityState.Detached;
            // The same file uploaded twice at the same moment: the other upload stored it (and its files).
            if (await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken) is { } concurrent)
                return new MediaUploadResult(concurrent, [], AlreadyInLibrary: true);
            if (created) storage.Delete(tenant.Name, key);
            throw;
        }
        catch
        {
            if (created) storage.Delete(tenant.Name, key);
            throw;
        }
        logger.LogInformation("Media {Key} ({Kind}, {Length} bytes) uploaded to tenant {Tenant} by {User}", key, item.Kind, item.Length, tenant.Name, uploadedBy);
        return new MediaUploadResult(item, []);
    }

    public Task<MediaItem?> FindAsync(int id, CancellationToken cancellationToken = default)
        => db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<IReadOnlyList<MediaItem>> FindManyAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.MediaItems.AsNoTracking().Where(m => wanted.Contains(m.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>A page of the library, newest first.</summary>
    public async Task<(IReadOnlyList<MediaItem> Items, int Total)> ListAsync(int skip, int take, MediaKind? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.MediaItems.AsNoTracking();
        if (kind is { } k) query = query.Where(m => m.Kind == k);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.UploadedUtc).ThenByDescending(m => m.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Changes the default alternative text, the decorative flag and the credit; the files never change.</summary>
    public async Task<IReadOnlyList<MediaError>> UpdateTextsAsync(int id, string? alt, bool decorative, string? credit, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null) return [new MediaError("file", new MediaMessage("Ce média n'existe pas ou plus."))];
        var isImage = item.Kind == MediaKind.Image;
        var errors = CheckTexts(isImage, alt, decorative, credit);
        if (errors.Count > 0) return errors;
        item.Decorative = isImage && decorative;
        item.Alt = item.Decorative ? "" : (alt ?? "").Trim();
        item.Credit = (credit ?? "").Trim();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Every place a registered module uses the media.</summary>
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(int id, CancellationToken cancellationToken = default)
    {
        var usages = new List<MediaUsage>();
        foreach (var provider in usageProviders) usages.AddRange(await provider.FindUsagesAsync(id, cancellationToken));
        return usages;
    }

    /// <summary>Deletes the media and its files, unless a module still uses it: then nothing changes and the usages are returned.</summary>
    public async Task<MediaDeleteResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null) return new MediaDeleteResult(false, []);
        var usages = await FindUsagesAsync(id, cancellationToken);
        if (usages.Count > 0) return new MediaDeleteResult(false, usages);
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        storage.Delete(tenantContext.Required.Name, item.Key);
        return new MediaDeleteResult(true, []);
    }

    /// <summary>What a content item stores to show the image, with this context's alternative text when given.</summary>
    public static ImageRef ToImageRef(MediaItem item, string? alt = null, bool? decorative = null)
    {
        if (item.Kind != MediaKind.Image) throw new ArgumentException("Only images have an ImageRef.", nameof(item));
        var isDecorative = decorative ?? (alt is null && item.Decorative);
        return new ImageRef(item.Id, item.Key, item.Width ?? 0, item.Height ?? 0, item.Fallback ?? "jpg",
            isDecorative ? "" : (alt ?? item.Alt), isDecorative, item.Credit.Length == 0 ? null : item.Credit)
        {
            Widths = item.Widths.ToArray(),
        };
    }

    private static List<MediaError> CheckTexts(bool isImage, string? alt, bool decorative, string? credit)
    {
        var errors = new List<MediaError>();
        var altText = (alt ?? "").Trim();
        if (isImage && !decorative && altText.Length == 0)
            errors.Add(new MediaError("alt", new MediaMessage("Décrivez l'image dans le texte alternatif, ou cochez « Image décorative » si elle n'apporte rien au texte.")));
        if (altText.Length > MediaItemRules.AltMaxLength)
            errors.Add(new MediaError("alt", new MediaMessage("Le texte alternatif fait au plus {0} caractères.", MediaItemRules.AltMaxLength)));
        if ((credit ?? "").Trim().Length > MediaItemRules.CreditMaxLength)
            errors.Add(new MediaError("credit", new MediaMessage("Le crédit fait au plus {0} caractères.", MediaItemRules.CreditMaxLength)));
        return errors;
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
