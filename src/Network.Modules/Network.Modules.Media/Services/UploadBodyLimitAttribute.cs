using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Modules.Media.Services;

/// <summary>
/// Raises the request-body limit of an upload page to <see cref="MediaModule.UploadBodyLimit"/>, before the antiforgery
/// filter reads the form (order 900 &lt; 1000, like ASP.NET's own RequestSizeLimit): a file somewhat over
/// <c>Media:MaxFileBytes</c> then gets the library's French refusal instead of a bare 413.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadBodyLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var feature = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is null || feature.IsReadOnly) return;
        feature.MaxRequestBodySize = MediaModule.UploadBodyLimit(context.HttpContext.RequestServices.GetRequiredService<IConfiguration>());
    }
}
