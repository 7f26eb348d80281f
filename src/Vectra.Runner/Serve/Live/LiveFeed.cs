using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vectra.Journal.Reading;
using Vectra.Journal.Storage;
using Vectra.Runner.Serve.Caching;

namespace Vectra.Runner.Serve.Live;

/// <summary>
/// Follows the journal (read-only) and keeps the live game for the Now page, pushing each change to every
/// connected browser as a server-sent event.
/// </summary>
/// <remarks>
/// Failure policy: nothing here can stop the server. A missing journal is waited for; a read that fails
/// (a damaged record, a file replaced under it) is logged, shown on the Now page, and retried from the same
/// position a second later with a fresh reader. A browser that stops reading loses its oldest queued events
/// (its queue holds 4,096), never the server's memory.
/// </remarks>
internal sealed class LiveFeed(ServeOptions options, ViewsFollower views, TimeProvider time, ILogger<LiveFeed> log) : BackgroundService
{
    private const int ReadBatch = 2048;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly LiveGame _game = new();
    private readonly List<Channel<string>> _subscribers = [];
    private readonly LiveFrontier _frontier = new(time);
    private readonly RecentFrames _recent = new(time);
    private long _position = -1;

    /// <summary>Frames journaled per second over the last ten seconds.</summary>
    public double FramesPerSecond => _recent.PerSecond();

    /// <summary>The last journal seq folded into the live game.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Why following stopped last time, or null while it works.</summary>
    public string? Problem { get; private set; }

    /// <summary>The live game now: id, phase, rug tick and its prices in tick order.</summary>
    public (string? GameId, string Phase, int? RugTick, IReadOnlyList<(int Tick, double Price)> Prices) Current()
    {
        lock (_gate)
        {
            return (_game.GameId, Projections.Rugs.Phases.PhaseRule.ToText(_game.Phase), _game.RugTick, [.. _game.Prices.Select(p => (p.Key, p.Value))]);
        }
    }

    /// <summary>Registers a browser: it gets the game as it stands, then every change.</summary>
    public LiveSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
            return new LiveSubscription(_game.Snapshot(), channel, Leave);
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        JournalReader? reader = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    reader ??= OpenWhenPresent();
                    if (reader is not null && FollowOnce(reader))
                    {
                        continue; // more is waiting: read on without sleeping
                    }
                    Problem = null;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    if (Problem != error.Message)
                    {
                        log.LiveFeedFailed(error.Message);
                    }
                    Problem = error.Message;
                    reader?.Dispose();
                    reader = null;
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                await Task.Delay(Poll, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            reader?.Dispose();
            lock (_gate)
            {
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryComplete();
                }
            }
        }
    }

    private JournalReader? OpenWhenPresent() =>
        new JournalFiles(options.DataDirectory).Exists ? JournalReader.Open(options.DataDirectory) : null;

    /// <summary>Reads one batch up to the frontier; true when the batch was full (more may be waiting).</summary>
    private bool FollowOnce(JournalReader reader)
    {
        var tail = reader.Tail;
        var (checkpoint, latestGameStart) = ReadViews();
        if (_position < 0)
        {
            // Start at the newest game views.db knows, else a little before the tail.
            _position = Math.Max(0, latestGameStart is { } start ? start - 1 : tail - 2000);
        }
        var frontier = _frontier.Next(tail, checkpoint);
        if (frontier <= _position)
        {
            return false;
        }
        var batch = reader.ReadAfter(_position, (int)Math.Min(ReadBatch, frontier - _position));
        foreach (var record in batch)
        {
            _recent.Seen(record.Ts);
            var update = LiveUpdate.From(record.Event, record.Args);
            lock (_gate)
            {
                if (update is not null && _game.Apply(update) is { } message)
                {
                    foreach (var subscriber in _subscribers)
                    {
                        subscriber.Writer.TryWrite(message);
                    }
                }
                Interlocked.Exchange(ref _position, record.Seq);
            }
        }
        return batch.Count == ReadBatch;
    }

    /// <summary>The rugs projection's checkpoint and, before the first read, where the newest game starts; read on the dashboard's kept-open views connection.</summary>
    private (long? Checkpoint, long? LatestGameStart) ReadViews() => views.Read(connection =>
    {
        if (!connection.HasTable("projection_checkpoints"))
        {
            return ((long?)null, (long?)null);
        }
        var checkpoint = connection.Scalar("SELECT seq FROM projection_checkpoints WHERE name = 'rugs'") as long?;
        long? latest = _position < 0 && connection.HasTable("games") ? connection.Scalar("SELECT max(first_seq) FROM games") as long? : null;
        return (checkpoint, latest);
    });

    private void Leave(Channel<string> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }
}
