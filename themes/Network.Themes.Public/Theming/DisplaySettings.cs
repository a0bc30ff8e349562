using Microsoft.AspNetCore.Http;

namespace Network.Themes.Public.Theming;

/// <summary>
/// The visitor's display scheme (light, dark or following the system), kept in a cookie so the server renders
/// the right theme without JavaScript; the DSFR script only enhances it.
/// </summary>
public static class DisplaySettings
{
    public const string CookieName = ".Network.Display";
    public const string Light = "light";
    public const string Dark = "dark";
    public const string System = "system";

    public static readonly IReadOnlyList<string> Schemes = [Light, Dark, System];

    public static bool IsScheme(string? value) => value is not null && Schemes.Contains(value, StringComparer.Ordinal);

    public static string Scheme(HttpContext context)
        => context.Request.Cookies.TryGetValue(CookieName, out var value) && IsScheme(value) ? value! : System;

    /// <summary>The DSFR theme attribute to render: explicit choices only ("system" needs the browser's preference, read by the DSFR script).</summary>
    public static string? Theme(string scheme) => scheme is Light or Dark ? scheme : null;

    public static void Remember(HttpContext context, string scheme)
        => context.Response.Cookies.Append(CookieName, scheme, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
}
