using System.Text;
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

    /// <summary>The frame for one delivered event: each argument's raw text, never re-serialized.</summary>
    public static ReceivedFrame FrameOf(string eventName, SocketIOResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var args = new StringBuilder("[");
        for (var i = 0; i < response.Count; i++)
        {
            if (i > 0)
            {
                args.Append(',');
            }
            args.Append(response.GetValue(i).GetRawText());
        }
        args.Append(']');
        return new ReceivedFrame(eventName, args.ToString(), response.InComingBytes?.Count ?? 0);
    }
}
