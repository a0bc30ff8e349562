namespace Network.Modules.Api;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per client address and window; 0 or less turns the limit off (the benchmark does: <c>Api__RateLimit__PermitLimit=0</c>).</summary>
    public ApiRateLimit RateLimit { get; set; } = new();

    /// <summary>How long clients and proxies may keep an answer before asking again (with its ETag).</summary>
    public int MaxAgeSeconds { get; set; } = 60;
}

public sealed class ApiRateLimit
{
    public int PermitLimit { get; set; } = 600;
    public int WindowSeconds { get; set; } = 60;
}
