using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// The live capture: one session per runner start, connections one after another under its own
/// reconnect policy, every frame through a bounded queue into the journal.
/// </summary>
/// <remarks>
/// Failure policy:
/// <list type="bullet">
/// <item>A connection that closes, fails to open, or stays silent past the watchdog is journaled
/// (<c>$connection.close</c> with the reason, <c>$connection.retry</c> with the delay) and retried
/// for ever: 0.5–1 s apart during the fast window, then doubling with jitter up to the cap.</item>
/// <item>A frame the queue cannot take is counted, reported on stderr at once, and journaled as
/// <c>$capture.overflow {lost}</c>; a frame the journal cannot store unchanged becomes
/// <c>$capture.refused {reason}</c>. Neither stops the capture.</item>
/// <item>A journal writer fault (I/O, fsync) is fatal: the capture stops receiving and the runner
/// exits with code 3; nothing is retried, the next start recovers to the last durable record.</item>
/// <item>Stopping (SIGTERM, Ctrl+C): stop receiving, drain the queue into the journal, journal
/// <c>$session.stop {"clean":true}</c>. When the drain cannot finish within
/// <see cref="CaptureHost.DrainBudget"/> of the stop request (a disk slower than the queue), the
/// frames still waiting are not stored: <c>$session.stop {"clean":false,"notJournaled":N}</c>
/// says how many, <see cref="NotJournaled"/> holds the count, and the runner exits non-zero.
/// Killed, the session simply ends; the next start begins a new one.</item>
/// </list>
/// </remarks>
internal sealed class CaptureService(
    CaptureSettings settings,
    JournalWriter writer,
    IEnumerable<IDurableRecordsObserver> observers,
    CaptureState state,
    CaptureQueue queue,
    SystemRecords system,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CaptureService> log) : BackgroundService
{
    private int _connections;

    /// <summary>Why the capture stopped abnormally (a journal fault), or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Received frames that were not stored because the stop budget ran out first (0 after a clean stop).</summary>
    public long NotJournaled { get; private set; }

    /// <summary>Frames received and still waiting for the journal.</summary>
    public long Queued => queue.WaitingFrames;

    /// <summary>Whether the session's end (<c>$session.stop</c>) was journaled.</summary>
    public bool Finished { get; private set; }

    /// <summary>The session this runner start writes.</summary>
    public Guid Session => system.Session;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        queue.Overflowed += lost => Console.Error.WriteLine(
            $"vectra capture: QUEUE FULL ({queue.Capacity:N0} frames waiting for the journal): {lost:N0} frame(s) lost so far; a $capture.overflow record will say how many.");
        var pump = new JournalPump(writer, queue, system, [.. observers], log.FrameRefused, TimeSpan.FromMilliseconds(settings.SimulatedSlowDiskMsPerRecord));
        using var giveUp = new CancellationTokenSource();
        using var budget = stoppingToken.Register(() => giveUp.CancelAfter(CaptureHost.DrainBudget));
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var pumping = Task.Run(() => pump.RunAsync(giveUp.Token), CancellationToken.None);
        _ = pumping.ContinueWith(_ => receiving.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        queue.AddSystem(system.Start(Version(), Environment.MachineName, DescribeConfig()));
        log.SessionStarted(system.Session, writer.Files.Database, writer.Durability.Name, settings.Cdp is null ? settings.Url : $"the browser at {settings.Cdp} (page URL containing '{settings.PageUrlContains}')");
        try
        {
            await ConnectForeverAsync(receiving.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (receiving.IsCancellationRequested)
        {
            // Stopping, or the journal failed: either way, finish the session below.
        }
        catch (Exception unexpected)
        {
            Failure = unexpected;
        }
        queue.Complete();
        try
        {
            NotJournaled = await pumping.ConfigureAwait(false);
            if (NotJournaled > 0)
            {
                log.FramesNotJournaled(NotJournaled, CaptureHost.DrainBudget.TotalSeconds);
            }
            await pump.StoreLastAsync(system.Stop(clean: Failure is null && NotJournaled == 0, NotJournaled)).ConfigureAwait(false);
            Finished = true;
        }
        catch (Exception fault)
        {
            Failure ??= fault;
        }
        if (Failure is not null)
        {
            lifetime.StopApplication();
        }
    }

    private async Task ConnectForeverAsync(CancellationToken cancellation)
    {
        var backoff = new ReconnectBackoff(
            TimeSpan.FromSeconds(settings.FastRetrySeconds), TimeSpan.FromSeconds(settings.MaxRetryDelaySeconds), Random.Shared.NextDouble);
        backoff.Reset(time.GetUtcNow());
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ConnectionEndedException>(),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(backoff.Next(time.GetUtcNow())),
                OnRetry = retry =>
                {
                    var ended = (ConnectionEndedException)retry.Outcome.Exception!;
                    queue.AddSystem(system.Retry(_connections + 1, backoff.Attempt, (long)retry.RetryDelay.TotalMilliseconds, ended.WasOpen ? null : ended.Reason));
                    log.Retrying(_connections + 1, (long)retry.RetryDelay.TotalMilliseconds, backoff.Attempt, ended.WasOpen ? "" : ": " + ended.Reason);
                    return default;
                },
            })
            .Build();
        await pipeline.ExecuteAsync(async token => await ConnectOnceAsync(backoff, token).ConfigureAwait(false), cancellation).ConfigureAwait(false);
    }

    /// <summary>One connection or attach: ends by throwing <see cref="ConnectionEndedException"/> (or cancellation), never normally.</summary>
    private async ValueTask ConnectOnceAsync(ReconnectBackoff backoff, CancellationToken cancellation)
    {
        var connection = CreateSource(_connections + 1);
        try
        {
            await connection.RunAsync(cancellation).ConfigureAwait(false);
        }
        catch (ConnectionEndedException ended) when (ended.WasOpen)
        {
            _connections = connection.LastOpened;
            queue.AddSystem(system.Close(connection.LastOpened, ended.Reason));
            log.ConnectionClosed(connection.LastOpened, ended.Reason);
            backoff.Reset(time.GetUtcNow());
            cancellation.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            // A browser attach may open and close connections of its own before it ends.
            _connections = Math.Max(_connections, connection.LastOpened);
            if (connection.Reached)
            {
                backoff.Reset(time.GetUtcNow());
            }
        }
    }

    private ICaptureSource CreateSource(int number) => settings.Cdp is null
        ? new FeedConnection(settings, number, queue, system, state, time, log.FrameRefused)
        : new Cdp.CdpConnection(settings, number, queue, system, state, time, log);

    private object DescribeConfig() => settings.Cdp is null ? DescribeDirect() : DescribeBrowser();

    private object DescribeDirect() => new
    {
        url = settings.Url,
        origin = settings.Origin,
        query = settings.EffectiveQuery.ToDictionary(),
        transport = settings.Transport,
        durability = writer.Durability.Name,
        watchdogSeconds = settings.WatchdogSeconds,
        queueCapacity = settings.QueueCapacity,
        queueBytes = settings.QueueBytes,
        projections = settings.Projections,
    };

    private object DescribeBrowser() => new
    {
        cdp = settings.Cdp,
        pageUrlContains = settings.PageUrlContains,
        durability = writer.Durability.Name,
        watchdogSeconds = settings.WatchdogSeconds,
        queueCapacity = settings.QueueCapacity,
        projections = settings.Projections,
    };

    private static string Version() =>
        typeof(CaptureService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
