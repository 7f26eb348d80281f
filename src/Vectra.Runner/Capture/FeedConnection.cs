using SocketIOClient;
using SocketIOClient.Transport;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// One Socket.IO connection, from connect to close, with a fresh client whose own reconnection is
/// off (the capture's policy decides when to try again). Every delivered frame goes to the queue
/// with its receive time; nothing is filtered or parsed before it is durable.
/// </summary>
/// <remarks>
/// The watchdog ends the connection only when nothing at all was received for its time: a frame,
/// an Engine.IO ping, or any bytes read from the WebSocket (a frame still arriving) all count as life,
/// and so does the socket holding back while the queue is full of bytes (<see cref="CaptureQueue.HasRoom"/>).
/// </remarks>
internal sealed class FeedConnection(
    CaptureSettings settings,
    int number,
    CaptureQueue queue,
    SystemRecords system,
    CaptureState state,
    TimeProvider time,
    Action<string> warn) : ICaptureSource
{
    private static readonly TimeSpan DisconnectBound = TimeSpan.FromSeconds(1);

    private long _lastLifeTimestamp;
    private readonly SocketIoEventPackets _events = new();
    // Events are read from the socket's bytes only between the join (its $connection.open queued first) and the leave.
    private volatile bool _takingEvents;

    /// <summary>The connection number within the session.</summary>
    public int Number { get; } = number;

    /// <inheritdoc/>
    public int LastOpened { get; private set; }

    /// <inheritdoc/>
    public bool Reached => LastOpened != 0;

    /// <summary>
    /// Connects, journals <c>$connection.open</c> once the namespace is joined (an attempt that never
    /// joins leaves no record), captures until the
    /// connection ends, and throws <see cref="ConnectionEndedException"/> saying why (after the client
    /// is gone, so no frame follows the close). Cancellation ends it with reason <c>shutdown</c>.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var client = CreateClient();
        using var disposal = new ClientDisposal(client);
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.OnConnected += (_, _) =>
        {
            // Journaled here, on the socket's thread, so it precedes the connection's first frame.
            queue.AddSystem(system.Open(Number, settings.Url, client.Id));
            LastOpened = Number;
            _takingEvents = true;
            joined.TrySetResult();
        };
        client.OnDisconnected += (_, reason) => closed.TrySetResult(reason);
        client.OnError += (_, error) => closed.TrySetResult($"error: {error}");
        client.OnPing += (_, _) => Alive();
        client.OnEveryFrame(OnFrame);

        try
        {
            await JoinAsync(client, joined.Task, closed.Task, stopping).ConfigureAwait(false);
        }
        catch (ConnectionEndedException failed) when (joined.Task.IsCompleted)
        {
            // $connection.open is already journaled, so the journal must also say it closed.
            throw new ConnectionEndedException(failed.Reason, wasOpen: true);
        }
        Alive();
        state.Opened(Number);

        string reason;
        using (var watchdogStop = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            var watchdog = WatchdogAsync(watchdogStop.Token);
            var ended = await Task.WhenAny(closed.Task, watchdog, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
            // Stopping cancels the watchdog too, so it is checked first.
            reason = stopping.IsCancellationRequested ? "shutdown"
                : ended == closed.Task ? await closed.Task.ConfigureAwait(false)
                : await watchdog.ConfigureAwait(false);
            await watchdogStop.CancelAsync().ConfigureAwait(false);
        }
        await LeaveAsync(client).ConfigureAwait(false);
        state.Closed();
        throw new ConnectionEndedException(reason, wasOpen: true);
    }

    private SocketIO CreateClient()
    {
        var options = new SocketIOOptions
        {
            Reconnection = false,
            Transport = settings.Transport.Equals("polling", StringComparison.OrdinalIgnoreCase) ? TransportProtocol.Polling : TransportProtocol.WebSocket,
            ConnectionTimeout = TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds),
            Query = [.. settings.EffectiveQuery],
        };
        if (settings.Origin.Length > 0)
        {
            options.ExtraHeaders = new() { ["Origin"] = settings.Origin };
        }
        var client = new SocketIO(new Uri(settings.Url), options);
        client.ClientWebSocketProvider = BinaryEventWatch.Watching(() => new FeedWebSocket(options.EIO, _ => Alive(), () => queue.HasRoom, TakeEvent), OnBinaryEvent);
        return client;
    }

    /// <summary>A binary event, which SocketIOClient drops: journaled as a refusal with the reason, and logged.</summary>
    private void OnBinaryEvent(string eventName, int attachments, int headerLength)
    {
        Alive();
        var reason = $"the feed sent event '{eventName}' with {attachments} binary attachment(s); SocketIOClient does not deliver events with binary attachments, so it was not captured.";
        queue.AddSystem(system.RefusedOf(Number, reason, headerLength));
        warn(SystemRecords.RefusalWarning(reason));
    }

    /// <summary>A plain event read from the socket's bytes, queued as SocketIOClient's catch-all would have; false leaves the message to the client.</summary>
    private bool TakeEvent(ReadOnlySpan<byte> message)
    {
        if (!_takingEvents || !_events.TryRead(message, out var eventName, out var args))
        {
            return false;
        }
        OnFrame(eventName, args);
        return true;
    }

    private void OnFrame(ReceivedFrame frame) => OnFrame(frame.Event, frame.Args);

    private void OnFrame(string eventName, byte[] args)
    {
        Alive();
        state.FrameReceived();
        var record = new NewRecord(eventName, args, system.Now(), system.Session, Number, SystemRecords.Source);
        if (!queue.TryAddFrame(record))
        {
            state.FrameLost();
        }
    }

    private async Task JoinAsync(SocketIO client, Task joined, Task<string> closed, CancellationToken stopping)
    {
        var timeout = TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds);
        try
        {
            // ConnectAsync returns before the namespace is joined; only OnConnected means open.
            var connecting = client.ConnectAsync().WaitAsync(timeout, time, stopping);
            var first = await Task.WhenAny(joined, closed, connecting).ConfigureAwait(false);
            if (first == connecting)
            {
                await connecting.ConfigureAwait(false);
                first = await Task.WhenAny(joined, closed).WaitAsync(timeout, time, stopping).ConfigureAwait(false);
            }
            if (first == closed)
            {
                throw new ConnectionEndedException($"connect failed: {await closed.ConfigureAwait(false)}", wasOpen: false);
            }
        }
        catch (Exception error) when (error is not ConnectionEndedException && !stopping.IsCancellationRequested)
        {
            await LeaveAsync(client).ConfigureAwait(false);
            throw new ConnectionEndedException($"connect failed: {Describe(error)}", wasOpen: false);
        }
        catch (ConnectionEndedException)
        {
            await LeaveAsync(client).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Something arrived on the connection: the watchdog starts counting again.</summary>
    private void Alive() => Interlocked.Exchange(ref _lastLifeTimestamp, time.GetTimestamp());

    /// <summary>Returns the watchdog's reason once nothing arrived for the configured time.</summary>
    private async Task<string> WatchdogAsync(CancellationToken cancellation)
    {
        var limit = TimeSpan.FromSeconds(settings.WatchdogSeconds);
        var check = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 4, 50, 1000));
        while (true)
        {
            await Task.Delay(check, time, cancellation).ConfigureAwait(false);
            if (time.GetElapsedTime(Interlocked.Read(ref _lastLifeTimestamp)) >= limit)
            {
                return $"watchdog: nothing received for {settings.WatchdogSeconds:0.###} s";
            }
        }
    }

    /// <summary>Stops receiving: a bounded polite disconnect; the client is disposed by the caller.</summary>
    private async Task LeaveAsync(SocketIO client)
    {
        _takingEvents = false;
        try
        {
            client.Off("*");
            await client.DisconnectAsync().WaitAsync(DisconnectBound).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: the connection is being abandoned either way, and Dispose closes the transport.
        }
    }

    private static string Describe(Exception error) =>
        error is TimeoutException ? "timed out" : error.GetBaseException().Message;

    /// <summary>
    /// Disposes the client. SocketIOClient 3.0.6 dereferences a transport it does not have when the connection
    /// was never made (a SIGTERM during a connect attempt): that must not turn a clean stop into a failure.
    /// </summary>
    private readonly struct ClientDisposal(SocketIO client) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                client.Dispose();
            }
            catch (NullReferenceException)
            {
                // Nothing was open, so nothing is left to close.
            }
        }
    }
}
