using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;

namespace Network.Modules.Media.Services;

/// <summary>
/// The media files of each tenant, under <c>&lt;DataPath&gt;/tenants/&lt;name&gt;/media/&lt;key&gt;/</c>. Paths are only ever
/// built from a validated key and a validated file name, inside the folder of the tenant the caller names.
/// </summary>
public sealed partial class MediaStorage(IOptions<NetworkOptions> options)
{
    private const string IncomingPrefix = ".incoming-";

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>A variant ("640.webp") or a document ("rapport-2024.pdf"): lower-case letters, digits and hyphens, one known extension.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,79})\\.(?:webp|jpg|png|pdf)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public static bool IsValidFileName(string? fileName) => fileName is not null && FileNamePattern().IsMatch(fileName);

    public string TenantMediaFolder(string tenantName) => Path.Combine(options.Value.DataPath, "tenants", tenantName, "media");

    /// <summary>The full path of a stored file of the tenant, or null when the key or name is not one the library produces.</summary>
    public string? PathOf(string tenantName, string key, string fileName)
        => IsValidKey(key) && IsValidFileName(fileName) ? Path.Combine(TenantMediaFolder(tenantName), key, fileName) : null;

    public bool Exists(string tenantName, string key) => IsValidKey(key) && Directory.Exists(Path.Combine(TenantMediaFolder(tenantName), key));

    /// <summary>
    /// Writes the files of one media into a temporary folder, then renames it to its key in one step, so a reader
    /// sees all of them or none. False when the key's folder already exists (same content stored before): nothing is changed.
    /// </summary>
    public async Task<bool> StoreAsync(string tenantName, string key, IEnumerable<(string FileName, byte[] Bytes)> files, CancellationToken cancellationToken)
    {
        if (!IsValidKey(key)) throw new ArgumentException("Invalid media key.", nameof(key));
        var root = TenantMediaFolder(tenantName);
        var target = Path.Combine(root, key);
        if (Directory.Exists(target)) return false;
        var incoming = Path.Combine(root, IncomingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(incoming);
        try
        {
            foreach (var (fileName, bytes) in files)
            {
                if (!IsValidFileName(fileName)) throw new ArgumentException($"Invalid media file name {fileName}.", nameof(files));
                await File.WriteAllBytesAsync(Path.Combine(incoming, fileName), bytes, cancellationToken);
            }
            Directory.Move(incoming, target);
            return true;
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another upload of the same content won the rename.
            return false;
        }
        finally
        {
            if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
        }
    }

    public void Delete(string tenantName, string key)
    {
        if (!IsValidKey(key)) return;
        var folder = Path.Combine(TenantMediaFolder(tenantName), key);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
