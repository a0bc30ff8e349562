using System.Threading.Channels;
using Network.Core.Tenancy;

namespace Network.Modules.Content.Services;

/// <summary>
/// Told after a tenant's content change has committed: drops that tenant's cached lists and wakes the
/// change-feed worker. The durable record is the <see cref="Data.ContentChange"/> row; this is only a nudge.
/// </summary>
public sealed class ContentChangeNotifier(TenantGenerations tenantGenerations)
{
    private readonly Channel<string> _wakeUps = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A number that changes whenever the tenant's content does (lists cached under an older one are stale).</summary>
    public long Generation(string tenant) => tenantGenerations.Of(tenant);

    public void Changed(string tenant)
    {
        tenantGenerations.Advance(tenant);
        _wakeUps.Writer.TryWrite(tenant);
    }

    /// <summary>Tenants whose feed has new entries, for the worker.</summary>
    public ChannelReader<string> WakeUps => _wakeUps.Reader;
}
