using System.Diagnostics;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>
/// The Node feed server (tests/feed-server/server.js) running as a child process: serves a
/// recording on 127.0.0.1, reports on stdout, takes commands on stdin, is killed on dispose.
/// </summary>
public sealed class FeedServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Process node;
    private readonly List<FeedServerReport> reports = [];
    private readonly List<string> errors = [];
    private readonly Task readingReports;
    private TaskCompletionSource reportArrived = NewSignal();

    private FeedServerProcess(Process node)
    {
        this.node = node;
        readingReports = Task.Run(ReadReportsAsync);
        node.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(line.Data);
                }
            }
        };
        node.BeginErrorReadLine();
    }

    /// <summary>The port the server listens on, from its first <c>listening</c> report.</summary>
    public int Port { get; private set; }

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Every report so far, oldest first.</summary>
    public IReadOnlyList<FeedServerReport> Reports
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    /// <summary>Starts the server on a free port for a recording, with extra server options (e.g. <c>--speed max</c>).</summary>
    public static Task<FeedServerProcess> StartAsync(string recordingPath, params string[] options) =>
        StartScriptAsync(["server.js", "--recording", recordingPath, "--port", "0", .. options]);

    /// <summary>Starts a script of the feed server's folder (e.g. <c>browser-server.js</c>) that reports <c>listening</c> first.</summary>
    public static async Task<FeedServerProcess> StartScriptAsync(params string[] arguments)
    {
        await FeedServerPackages.EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = FeedServerPackages.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var server = new FeedServerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start node"));
        try
        {
            server.Port = (int)(await server.WaitForAsync("listening")).Number("port");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Sends a stdin command such as <c>kick</c>, <c>stall 500</c> or <c>status</c>.</summary>
    public async Task SendAsync(string command)
    {
        await node.StandardInput.WriteLineAsync(command);
        await node.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th report of a type (1 = the first ever printed).</summary>
    public async Task<FeedServerReport> WaitForAsync(string type, int occurrence = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            Task arrived;
            lock (reports)
            {
                var matching = reports.Where(report => report.Type == type).ToList();
                if (matching.Count >= occurrence)
                {
                    return matching[occurrence - 1];
                }
                arrived = reportArrived.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || (node.HasExited && readingReports.IsCompleted))
            {
                throw new TimeoutException($"no '{type}' report #{occurrence} from the feed server; it printed:\n{Transcript()}");
            }
            await Task.WhenAny(arrived, Task.Delay(left));
        }
    }

    /// <summary>Everything the server printed on stdout and stderr, for failure messages.</summary>
    public string Transcript()
    {
        lock (errors)
        {
            return string.Join('\n', Reports.Select(report => report.ToString()).Concat(errors));
        }
    }

    private async Task ReadReportsAsync()
    {
        while (await node.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (reports)
            {
                reports.Add(FeedServerReport.Parse(line));
                reportArrived.TrySetResult();
                reportArrived = NewSignal();
            }
        }
        lock (reports)
        {
            reportArrived.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Kills the server and its children.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!node.HasExited)
        {
            node.Kill(entireProcessTree: true);
        }
        await node.WaitForExitAsync();
        await readingReports;
        node.Dispose();
    }
}
