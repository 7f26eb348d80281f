using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Vectra.Runner.Nats;

/// <summary>A NATS address as given on the command line (<c>nats://HOST:PORT</c>, several comma-separated for a cluster) and the connection made from it.</summary>
internal static class NatsEndpoint
{
    /// <summary>Checks <paramref name="urls"/> and returns client options for it; bad input is a usage error.</summary>
    public static NatsOpts Options(string option, string urls, string name)
    {
        foreach (var part in urls.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.Scheme != "nats" || uri.Port <= 0)
            {
                throw new UsageException($"{option} {urls}: give nats://HOST:PORT (several comma-separated for a cluster).");
            }
        }
        return NatsOpts.Default with
        {
            Url = urls,
            Name = name,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(5),
            ReconnectWaitMin = TimeSpan.FromMilliseconds(200),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
            MaxReconnectRetry = -1,
        };
    }

    /// <summary>Connects once; an unreachable server becomes <see cref="NatsUnavailableException"/> with what to do.</summary>
    public static async Task<NatsConnection> ConnectAsync(NatsOpts options, CancellationToken cancellation)
    {
        var connection = new NatsConnection(options);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(options.ConnectTimeout * 2, cancellation);
            return connection;
        }
        catch (Exception error) when (error is NatsException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw Unreachable(options.Url, error);
        }
    }

    public static NatsUnavailableException Unreachable(string url, Exception error) => new(
        $"cannot reach NATS at {url} ({error.Message.TrimEnd('.')}). Start nats-server with JetStream (nats-server -js), check the address and port, then run the command again.",
        error);

    /// <summary>A JetStream API error (no JetStream, no stream, too few servers for the replicas) in words a user can act on.</summary>
    public static NatsUnavailableException Refused(string what, NatsJSApiException error) => new(
        $"NATS refused to {what}: {error.Error.Description} (code {error.Error.Code}). " +
        "Check that the server runs with JetStream (-js), that the stream exists (`vectra stream create`), and that the cluster has as many servers as --replicas.",
        error);
}
