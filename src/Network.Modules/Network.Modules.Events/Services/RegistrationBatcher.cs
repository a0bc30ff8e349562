using System.Collections.Concurrent;

namespace Network.Modules.Events.Services;

/// <summary>
/// Group commit for registrations: the registrations of a tenant that arrive while one transaction is running are
/// recorded together in the next one, each in its own savepoint, and their mails reach the outbox in one relay copy.
/// SQLite has a single writer, so during a rush every registration used to wait for the previous one's commit and
/// relay copy in turn; now a commit serves all those that queued meanwhile. The first caller of a tenant leads: it
/// takes the waiting registrations (its own first), records them in its own request's scope, completes every
/// caller's answer, then hands the lead to the oldest registration still waiting, so no request serves more than one
/// batch. Order is kept (first come, first recorded), which is the waitlist's order. Correctness still rests on the
/// seat counters' conditional UPDATE and the unique index, across processes and nodes.
/// </summary>
public sealed class RegistrationBatcher(RegistrationGate gate)
{
    /// <summary>At most this many registrations share a transaction, so one batch stays short.</summary>
    public const int MaxBatch = 64;

    private readonly ConcurrentDictionary<string, Line> _lines = new(StringComparer.Ordinal);

    /// <summary>
    /// Records <paramref name="work"/> in a batch: run by whichever request leads, with that request's desk (its
    /// database session and transaction), inside a savepoint; a registration that throws fails alone.
    /// </summary>
    public async Task<RegistrationResult> RunAsync(string tenant, RegistrationDesk desk, Func<RegistrationDesk, Task<RegistrationResult>> work)
    {
        var line = _lines.GetOrAdd(tenant, _ => new Line());
        var mine = new Waiting(work);
        bool leading;
        lock (line)
        {
            line.Queue.Enqueue(mine);
            leading = !line.Leading;
            line.Leading = true;
        }
        // Once queued, a registration is recorded even if its caller goes away: others may be in the same batch.
        if (!leading && await Task.WhenAny(mine.Result.Task, mine.Lead.Task) == mine.Result.Task) return await mine.Result.Task;

        var batch = new List<Waiting>(MaxBatch);
        var outcomes = new List<(Waiting Waiting, RegistrationResult? Result, Exception? Error)>(MaxBatch);
        try
        {
            // The batch is taken once the tenant's other registration changes (a cancellation, a promotion) are done,
            // so what arrived meanwhile joins it. Callers whose registration is queued may have gone away: the batch is
            // not theirs to cancel.
            await using var turn = await gate.EnterAsync(tenant, CancellationToken.None);
            lock (line)
            {
                while (batch.Count < MaxBatch && line.Queue.TryDequeue(out var next)) batch.Add(next);
            }
            await desk.RecordBatchAsync(batch.Select(w => w.Work).ToList(), (i, result) => outcomes.Add((batch[i], result, null)),
                (i, error) => outcomes.Add((batch[i], null, error)));
        }
        catch (Exception error)
        {
            outcomes.Clear();
            foreach (var waiting in batch) outcomes.Add((waiting, null, error));
        }
        finally
        {
            // The lead is handed on before the answers: the next batch's leader then runs before the pages of this
            // batch's answers (queued behind them, it waited for a whole batch of pages to render: a gap in the only
            // serial part of a rush).
            lock (line)
            {
                if (line.Queue.TryPeek(out var next)) next.Lead.TrySetResult();
                else line.Leading = false;
            }
        }
        foreach (var (waiting, result, error) in outcomes)
        {
            if (error is not null) waiting.Result.TrySetException(error);
            else waiting.Result.TrySetResult(result!);
        }
        return await mine.Result.Task;
    }

    /// <summary>Registrations of the tenant waiting for their batch (for tests and monitoring).</summary>
    public int QueuedCount(string tenant)
    {
        if (!_lines.TryGetValue(tenant, out var line)) return 0;
        lock (line) return line.Queue.Count;
    }

    private sealed class Line
    {
        public readonly Queue<Waiting> Queue = new();
        public bool Leading;
    }

    private sealed class Waiting(Func<RegistrationDesk, Task<RegistrationResult>> work)
    {
        public Func<RegistrationDesk, Task<RegistrationResult>> Work { get; } = work;
        public TaskCompletionSource<RegistrationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
