using System.Diagnostics;
using System.Text.Json;

namespace Vectra.Runner.Bench;

/// <summary>
/// Runs the test feed server (tests/feed-server, Node) for the capture benchmark: finds it, installs
/// its npm packages when node_modules is missing, starts it on a free port and reads its reports.
/// </summary>
internal sealed class FeedServerLauncher : IDisposable
{
    private readonly Process _node;
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FeedServerLauncher(Process node, int port)
    {
        _node = node;
        Port = port;
        _ = Task.Run(ReadReportsAsync);
    }

    public int Port { get; }

    /// <summary>Frames sent so far, from the server's progress reports (every 1,000 frames).</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    private long _emitted;

    /// <summary>Completes with the server's <c>emitted</c> count when it has played the whole recording.</summary>
    public Task<long> Done => _done.Task;

    /// <summary>tests/feed-server, looked up from the current folder and from the executable's folder upwards.</summary>
    public static string Locate(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, "server.js")) ? given : throw new UsageException($"--feed-server {given}: no server.js there.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "tests", "feed-server");
                if (File.Exists(Path.Combine(candidate, "server.js")))
                {
                    return candidate;
                }
            }
        }
        throw new UsageException("could not find tests/feed-server (run from the repository, or pass --feed-server DIR).");
    }

    /// <summary>
    /// Starts the server on <paramref name="recording"/>, preloaded; <paramref name="speed"/> is <c>max</c> or a factor on the
    /// recorded pace; <paramref name="loop"/> plays it again and again, each pass with fresh game and trade ids, until disposed.
    /// </summary>
    public static async Task<FeedServerLauncher> StartAsync(string folder, string recording, string speed = "max", bool loop = false)
    {
        await NpmInstall.EnsureInstalledAsync(folder, () => Console.Error.WriteLine($"bench capture: installing the feed server's npm packages (npm ci in {folder})…")).ConfigureAwait(false);
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "server.js", "--recording", recording, "--port", "0", "--speed", speed, "--preload" })
        {
            start.ArgumentList.Add(argument);
        }
        if (speed != "max")
        {
            start.ArgumentList.Add("--steady");
        }
        if (loop)
        {
            start.ArgumentList.Add("--loop");
        }
        var node = StartOrExplain(start);
        var first = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the feed server exited before listening.");
        using var listening = JsonDocument.Parse(first);
        return new FeedServerLauncher(node, listening.RootElement.GetProperty("port").GetInt32());
    }

    private async Task ReadReportsAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            using var report = JsonDocument.Parse(line);
            switch (report.RootElement.GetProperty("type").GetString())
            {
                case "done":
                    _done.TrySetResult(report.RootElement.GetProperty("emitted").GetInt64());
                    break;
                case "progress":
                    Interlocked.Exchange(ref _emitted, report.RootElement.GetProperty("emitted").GetInt64());
                    break;
            }
        }
        _done.TrySetException(new InvalidOperationException("the feed server exited before it finished the recording."));
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException($"`{start.FileName}` was not found: the capture benchmark needs Node.js 20 with npm on the PATH.");
        }
    }

    public void Dispose()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            _node.WaitForExit();
        }
        _node.Dispose();
    }
}
