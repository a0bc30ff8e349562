using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Media;
using Network.Modules.Media.Data;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;

namespace Network.Tests.Media;

/// <summary>The real host with a fake module that uses media (so deletion can be refused) and a 1 MB file limit.</summary>
public sealed class MediaWebFactory : NetworkWebFactory
{
    public const long MaxFileBytes = 1_000_000;

    public FakeMediaUsages Usages { get; } = new();

    public MediaWebFactory() => Settings["Media:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMediaUsageProvider>(Usages));
    }

    public string MediaFolder(string tenant) => Path.Combine(DataPath, "tenants", tenant, "media");

    /// <summary>The files stored for a tenant (temporary folders included), relative to its media folder.</summary>
    public IReadOnlyList<string> StoredFiles(string tenant)
        => Directory.Exists(MediaFolder(tenant))
            ? Directory.EnumerateFiles(MediaFolder(tenant), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MediaFolder(tenant), f)).Order().ToList()
            : [];

    public async Task<List<MediaItem>> MediaItemsAsync(string tenant)
    {
        await using var scope = Service<TenantScopeFactory>().CreateScope(Tenant(tenant));
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>A browser signed in as a new account holding <paramref name="role"/> in <paramref name="tenant"/> (no role when null).</summary>
    public async Task<HttpClient> ClientWithRoleAsync(string tenant, string? role)
    {
        var email = AccountTestKit.NewEmail(role?.ToLowerInvariant() ?? "membre");
        var user = await this.CreateAccountAsync(email);
        if (role is not null) await this.GrantAsync(user.Id, tenant, role);
        return await this.SignedInClientAsync(email);
    }
}

/// <summary>A module that "uses" the media ids put in <see cref="InUse"/>.</summary>
public sealed class FakeMediaUsages : IMediaUsageProvider
{
    public ConcurrentDictionary<int, MediaUsage> InUse { get; } = new();

    public Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(int mediaId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<MediaUsage>>(InUse.TryGetValue(mediaId, out var usage) ? [usage] : []);
}

internal static class MediaForms
{
    /// <summary>Posts the upload form of <paramref name="prefix"/> with its antiforgery token, as a browser does (multipart).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string prefix, string fileName, byte[] bytes, string? contentType,
        string? alt = "Vue de la salle de lecture", bool decorative = false, string? credit = "© DRAC, CC BY 4.0", bool withToken = true)
    {
        var page = $"{prefix}/admin/medias/deposer";
        var document = await client.GetDocumentAsync(page);
        var form = (IHtmlFormElement)document.QuerySelector("#media-upload-form")!;
        Assert.Equal("multipart/form-data", form.Enctype);
        var content = new MultipartFormDataContent();
        if (withToken)
        {
            foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
                content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        var file = new ByteArrayContent(bytes);
        if (contentType is not null) file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        if (alt is not null) content.Add(new StringContent(alt), "Input.Alt");
        if (decorative) content.Add(new StringContent("true"), "Input.Decorative");
        if (credit is not null) content.Add(new StringContent(credit), "Input.Credit");
        return await client.PostAsync(page, content);
    }

    public static async Task<string> ErrorsOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("#media-upload-errors")?.TextContent ?? throw new InvalidOperationException("No error summary");
    }
}
