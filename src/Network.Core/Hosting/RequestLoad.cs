using Microsoft.AspNetCore.Http;

namespace Network.Core.Hosting;

/// <summary>
/// The requests the site is answering right now, for background work that should give way to them: during a rush of
/// registrations the mail worker waits (a few seconds at most) so that the people registering get their answers first
/// and their mails just after, instead of both sharing the processors.
/// </summary>
public sealed class RequestLoad
{
    private int _inFlight;

    /// <summary>Requests being answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>More requests in flight than this (four per processor by default) make the site busy.</summary>
    public int BusyAbove { get; set; } = Environment.ProcessorCount * 4;

    public bool IsBusy => InFlight > BusyAbove;

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}

/// <summary>Counts every request in <see cref="RequestLoad"/> while it is answered.</summary>
public sealed class RequestLoadMiddleware(RequestDelegate next, RequestLoad load)
{
    public async Task InvokeAsync(HttpContext context)
    {
        load.Enter();
        try
        {
            await next(context);
        }
        finally
        {
            load.Exit();
        }
    }
}
