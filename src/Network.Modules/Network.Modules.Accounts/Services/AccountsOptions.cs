namespace Network.Modules.Accounts.Services;

/// <summary>The <c>Accounts</c> section of appsettings.json.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>How long the links of confirmation and password-reset e-mails stay valid.</summary>
    public TimeSpan TokenLifespan { get; set; } = TimeSpan.FromHours(24);

    public AccountRateLimits RateLimits { get; set; } = new();
}

/// <summary>Requests allowed per client address and window on the account forms (POST only).</summary>
public sealed class AccountRateLimits
{
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public RateLimit SignUp { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };
    public RateLimit PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
