using SocketIOClient;
using SocketIOClient.Transport;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>A SocketIOClient connection that keeps every frame it receives (through the capture adapter) and every disconnect reason.</summary>
internal sealed class CapturingClient : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    private readonly SocketIO socket;
    private readonly List<ReceivedFrame> frames = [];
    private readonly List<string> disconnectReasons = [];
    private TaskCompletionSource connected = NewSignal();

    public CapturingClient(Uri url, bool reconnection)
    {
        socket = new SocketIO(url, new SocketIOOptions
        {
            Transport = TransportProtocol.WebSocket,
            Reconnection = reconnection,
            ReconnectionDelay = 100,
            Query = [new("frontend-version", "1.0")],
            ExtraHeaders = new() { ["Origin"] = "https://rugs.fun" },
        });
        socket.OnEveryFrame(frame =>
        {
            lock (frames)
            {
                frames.Add(frame);
            }
        });
        socket.OnConnected += (_, _) => connected.TrySetResult();
        socket.OnDisconnected += (_, reason) =>
        {
            lock (disconnectReasons)
            {
                disconnectReasons.Add(reason);
            }
            connected = NewSignal();
        };
    }

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (frames)
            {
                return [.. frames];
            }
        }
    }

    public IReadOnlyList<string> DisconnectReasons
    {
        get
        {
            lock (disconnectReasons)
            {
                return [.. disconnectReasons];
            }
        }
    }

    /// <summary>Connects and waits for OnConnected: ConnectAsync alone does not mean the namespace is joined.</summary>
    public async Task ConnectAsync()
    {
        var joined = connected.Task;
        await socket.ConnectAsync();
        await joined.WaitAsync(ConnectTimeout);
    }

    /// <summary>Waits until OnConnected fires again after a disconnect (the client's own reconnect).</summary>
    public Task WaitUntilConnectedAsync() => connected.Task.WaitAsync(ConnectTimeout);

    /// <summary>Waits until at least <paramref name="count"/> frames arrived, or the time is up (then returns what arrived).</summary>
    public async Task<IReadOnlyList<ReceivedFrame>> WaitForFramesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Frames.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return Frames;
    }

    /// <summary>Waits until at least <paramref name="count"/> disconnects were seen, or the time is up.</summary>
    public async Task<IReadOnlyList<string>> WaitForDisconnectsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DisconnectReasons.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return DisconnectReasons;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => socket.Dispose();
}
