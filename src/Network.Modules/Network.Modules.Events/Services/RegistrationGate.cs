using System.Collections.Concurrent;

namespace Network.Modules.Events.Services;

/// <summary>
/// Queues this process's registration transactions of a tenant one behind the other before they ask SQLite for its write
/// lock. SQLite's busy handler makes a blocked writer sleep and retry (up to 100 ms a time), so a hundred concurrent
/// registrations spend most of their time asleep while the lock is free; waiting here instead wakes the next one as soon
/// as the previous commits. Correctness never rests on it: the seat counters' conditional UPDATE and the unique index
/// hold across processes and nodes.
/// </summary>
public sealed class RegistrationGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> EnterAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var gate = _gates.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
