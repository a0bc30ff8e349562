namespace Network.Core.Tenancy;

public enum TenantState
{
    /// <summary>Registered but its recipe has not finished: answers 503 with Retry-After.</summary>
    Uninitialized = 0,
    Running = 1,
    /// <summary>Switched off by a network administrator: answers 404.</summary>
    Disabled = 2,
}
