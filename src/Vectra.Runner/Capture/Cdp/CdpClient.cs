using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// A Chrome DevTools Protocol connection to one target over a plain <see cref="ClientWebSocket"/>:
/// commands with their responses, and every event, in the order the browser sent them, to one handler.
/// </summary>
/// <remarks>
/// Failure policy: a receive error or a close ends <see cref="ReadEventsAsync"/> with the reason (the
/// browser or the page is gone); a command that gets an error answer throws <see cref="CdpException"/>;
/// commands still waiting when the connection ends fail with the same reason. Nothing is retried here.
/// </remarks>
internal sealed class CdpClient : IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private byte[] _buffer = new byte[ChunkSize];
    private int _nextId;

    private CdpClient()
    {
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(5);
    }

    /// <summary>Opens the DevTools WebSocket of a target.</summary>
    public static async Task<CdpClient> ConnectAsync(Uri webSocketDebuggerUrl, CancellationToken cancellation)
    {
        var client = new CdpClient();
        try
        {
            await client._socket.ConnectAsync(webSocketDebuggerUrl, cancellation).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command without parameters and waits for its result.</summary>
    public async Task<JsonElement> CallAsync(string method, CancellationToken cancellation)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = Encoding.UTF8.GetBytes($"{{\"id\":{id},\"method\":{JsonSerializer.Serialize(method)},\"params\":{{}}}}");
        await _sending.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
        return await answer.Task.WaitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads until the connection ends, answering commands and passing every event (<c>method</c>,
    /// <c>params</c>) to <paramref name="onEvent"/> on this task, one at a time. Returns why it ended.
    /// </summary>
    public async Task<string> ReadEventsAsync(Action<string, JsonElement> onEvent, CancellationToken cancellation)
    {
        string reason;
        try
        {
            while (true)
            {
                var length = await ReceiveMessageAsync(cancellation).ConfigureAwait(false);
                if (length < 0)
                {
                    reason = $"the browser closed the DevTools connection ({_socket.CloseStatusDescription ?? _socket.CloseStatus?.ToString() ?? "no reason"}): the page or the browser is gone";
                    break;
                }
                Dispatch(_buffer.AsMemory(0, length), onEvent);
                if (_buffer.Length > 1 << 20)
                {
                    _buffer = new byte[ChunkSize];
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or IOException)
        {
            reason = $"the DevTools connection failed ({error.GetBaseException().Message}): the browser is gone";
        }
        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new CdpException(reason));
        }
        return reason;
    }

    /// <summary>The next whole message into the buffer: its length, or -1 on a close.</summary>
    private async Task<int> ReceiveMessageAsync(CancellationToken cancellation)
    {
        var length = 0;
        ValueWebSocketReceiveResult last;
        do
        {
            if (_buffer.Length - length < ChunkSize)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, length + ChunkSize));
            }
            last = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellation).ConfigureAwait(false);
            if (last.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }
            length += last.Count;
        }
        while (!last.EndOfMessage);
        return length;
    }

    private void Dispatch(ReadOnlyMemory<byte> message, Action<string, JsonElement> onEvent)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id) && id.TryGetInt32(out var number))
        {
            if (_pending.TryRemove(number, out var answer))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    answer.TrySetException(new CdpException(error.GetRawText()));
                }
                else
                {
                    answer.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                }
            }
            return;
        }
        if (root.TryGetProperty("method", out var method) && method.GetString() is { } name)
        {
            onEvent(name, root.TryGetProperty("params", out var parameters) ? parameters : default);
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sending.Dispose();
    }
}
