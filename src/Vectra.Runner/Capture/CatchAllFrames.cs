using System.Runtime.InteropServices;
using SocketIOClient;

namespace Vectra.Runner.Capture;

/// <summary>Receives every event a SocketIOClient connection delivers, whatever its name, as a <see cref="ReceivedFrame"/>.</summary>
internal static class CatchAllFrames
{
    /// <summary>Calls <paramref name="onFrame"/> for every event; register before <c>ConnectAsync</c> so no frame is missed.</summary>
    public static void OnEveryFrame(this SocketIO client, Action<ReceivedFrame> onFrame)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(onFrame);
        client.OnAny((eventName, response) => onFrame(FrameOf(eventName, response)));
    }

    /// <summary>The frame for one delivered event: each argument's raw UTF-8 bytes, never re-serialized or transcoded.</summary>
    public static ReceivedFrame FrameOf(string eventName, SocketIOResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var length = 2 + Math.Max(0, response.Count - 1);
        for (var i = 0; i < response.Count; i++)
        {
            length += RawBytesOf(response, i).Length;
        }
        var args = new byte[length];
        args[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < response.Count; i++)
        {
            if (i > 0)
            {
                args[at++] = (byte)',';
            }
            var raw = RawBytesOf(response, i);
            raw.CopyTo(args.AsSpan(at));
            at += raw.Length;
        }
        args[at] = (byte)']';
        return new ReceivedFrame(eventName, args, response.InComingBytes?.Count ?? 0);
    }

    // The bytes the argument was parsed from, as SocketIOClient received them.
    private static ReadOnlySpan<byte> RawBytesOf(SocketIOResponse response, int index) =>
        JsonMarshal.GetRawUtf8Value(response.GetValue(index));
}
