using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Nats;

/// <summary>One or three real <c>nats-server</c> nodes with JetStream, in their own temp folder; all killed and removed on dispose, even after a failure.</summary>
internal sealed class NatsCluster : IDisposable
{
    private readonly TempFolder _folder = new();

    private NatsCluster(int size)
    {
        var clientPorts = Enumerable.Range(0, size).Select(_ => NatsNode.FreePort()).ToArray();
        var clusterPorts = size == 1 ? [0] : Enumerable.Range(0, size).Select(_ => NatsNode.FreePort()).ToArray();
        Nodes = [.. Enumerable.Range(0, size).Select(i => new NatsNode(
            $"n{i + 1}",
            _folder.File($"n{i + 1}"),
            clientPorts[i],
            clusterPorts[i],
            size == 1 ? [] : [.. clusterPorts.Where((_, j) => j != i)]))];
    }

    public IReadOnlyList<NatsNode> Nodes { get; }

    /// <summary>Every node's client URL, comma-separated, as a client given the whole cluster takes it.</summary>
    public string Urls => string.Join(',', Nodes.Select(n => n.Url));

    public static NatsCluster StartSingle() => Start(1);

    public static NatsCluster StartThree() => Start(3);

    private static NatsCluster Start(int size)
    {
        var cluster = new NatsCluster(size);
        try
        {
            foreach (var node in cluster.Nodes)
            {
                node.Start();
            }
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }
        _folder.Dispose();
    }
}
