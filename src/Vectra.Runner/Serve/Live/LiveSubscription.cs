using System.Threading.Channels;

namespace Vectra.Runner.Serve.Live;

/// <summary>One browser's stream: the game as it stood when it connected, then every change. Dispose to leave.</summary>
internal sealed class LiveSubscription(string snapshot, Channel<string> channel, Action<Channel<string>> leave) : IDisposable
{
    public string Snapshot { get; } = snapshot;

    public ChannelReader<string> Events => channel.Reader;

    public void Dispose() => leave(channel);
}
