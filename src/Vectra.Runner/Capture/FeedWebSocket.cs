using System.Net.WebSockets;
using System.Reactive.Subjects;
using System.Text;
using SocketIOClient.Transport;

namespace Vectra.Runner.Capture;

/// <summary>
/// The WebSocket under a capture's SocketIOClient connection, in place of the client's own. It reads
/// each message into one buffer that doubles as it fills, so a message costs time linear in its size
/// (SocketIOClient 3.0.6 grows its buffer by one 8 KB chunk at a time and copied the whole message on
/// every chunk: 20 MB took about 10 s of copying), and it reports every chunk it reads, so a
/// connection that is still receiving a large frame is known to be alive. It starts reading a message
/// only when <paramref name="mayReceive"/> says so (the capture's queue has room, <see cref="CaptureQueue.HasRoom"/>);
/// while it holds back it reports an empty chunk every millisecond or so: the silence is the capture's, not the connection's.
/// A text message that <paramref name="takeText"/> takes (a plain event, read from its bytes by <see cref="SocketIoEventPackets"/>)
/// never reaches the client; every other message does, in order, on this same receive loop.
/// </summary>
/// <remarks>
/// Failure policy: as in SocketIOClient's socket, a receive error or a close message is passed to the
/// observers as an error (the client reports a <c>transport close</c>) and reading stops; an exception
/// thrown by an observer (a malformed packet the client cannot parse) also stops reading, so the
/// connection goes silent and the capture's watchdog replaces it.
/// </remarks>
internal sealed class FeedWebSocket(int engineIoVersion, Action<int> onChunk, Func<bool>? mayReceive = null, FeedWebSocket.TextTaker? takeText = null) : IClientWebSocket
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Takes a whole text message's UTF-8 bytes instead of the client, or returns false to leave it to the client.</summary>
    public delegate bool TextTaker(ReadOnlySpan<byte> message);

    // A buffer grown for a huge message is not kept for the small ones that follow.
    private const int KeptBufferSize = 1 << 20;

    private readonly ClientWebSocket _socket = new();
    private readonly Subject<string> _text = new();
    private readonly Subject<byte[]> _bytes = new();
    private byte[] _buffer = new byte[ChunkSize];
    private volatile bool _disposed;

    public IObservable<string> TextObservable => _text;

    public IObservable<byte[]> BytesObservable => _bytes;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(ReceiveAsync, CancellationToken.None);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken);

    public Task SendAsync(byte[] bytes, TransportMessageType type, bool endOfMessage, CancellationToken cancellationToken) =>
        _socket.SendAsync(bytes, type == TransportMessageType.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage, cancellationToken);

    public void AddHeader(string key, string val) => _socket.Options.SetRequestHeader(key, val);

    private async Task ReceiveAsync()
    {
        while (!_disposed && _socket.State == WebSocketState.Open)
        {
            ValueWebSocketReceiveResult last;
            var length = 0;
            try
            {
                while (mayReceive is not null && !mayReceive() && !_disposed)
                {
                    onChunk(0);
                    await Task.Delay(1).ConfigureAwait(false);
                }
                do
                {
                    if (_buffer.Length - length < ChunkSize)
                    {
                        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, length + ChunkSize));
                    }
                    last = await _socket.ReceiveAsync(_buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                    length += last.Count;
                    onChunk(last.Count);
                }
                while (!last.EndOfMessage);
            }
            catch (Exception error)
            {
                Fail(error);
                return;
            }
            try
            {
                if (!Deliver(last.MessageType, length))
                {
                    return;
                }
            }
            catch (Exception)
            {
                // The client could not take the message (see the failure policy): stop reading.
                return;
            }
            if (_buffer.Length > KeptBufferSize)
            {
                _buffer = new byte[ChunkSize];
            }
        }
    }

    /// <summary>Hands one whole message to the client; false when reading must stop.</summary>
    private bool Deliver(WebSocketMessageType type, int length)
    {
        switch (type)
        {
            case WebSocketMessageType.Text:
                if (takeText is not null && takeText(_buffer.AsSpan(0, length)))
                {
                    return true;
                }
                _text.OnNext(Encoding.UTF8.GetString(_buffer, 0, length));
                return true;
            case WebSocketMessageType.Binary:
                // Engine.IO 3 prefixes binary messages with a type byte; 4 does not.
                var skip = engineIoVersion == 3 ? 1 : 0;
                _bytes.OnNext(_buffer.AsSpan(skip, length - skip).ToArray());
                return true;
            default:
                Fail(new WebSocketException("Received a Close message"));
                return false;
        }
    }

    private void Fail(Exception error)
    {
        try
        {
            _text.OnError(error);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading: the connection was abandoned on purpose, nobody is listening.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _text.Dispose();
        _bytes.Dispose();
        _socket.Dispose();
    }
}
