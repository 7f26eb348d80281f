using Vectra.Runner.Tests.Capture;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Nats;

/// <summary>
/// A feed server playing the recording paused, runners that capture it with <c>--publish</c> into their own data
/// folders, and a stream on the given NATS; the feed starts once every runner is connected. Everything is stopped
/// and removed on dispose.
/// </summary>
internal sealed class NatsCapture : IAsyncDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, CaptureRunner> _runners = [];
    private int _connections;

    private NatsCapture(FeedServerProcess server, string natsUrls)
    {
        Server = server;
        NatsUrls = natsUrls;
    }

    public FeedServerProcess Server { get; }

    public string NatsUrls { get; }

    public string Data(string runner) => _folder.File(runner);

    public string MirrorData => _folder.File("mirror");

    public CaptureRunner Runner(string name) => _runners[name];

    /// <summary>Creates the stream, starts the paused feed (at --speed <paramref name="speed"/>) and the runners, then plays the feed.</summary>
    public static async Task<NatsCapture> StartAsync(string recording, string natsUrls, int replicas, double speed, params string[] runners)
    {
        var created = await VectraProcess.RunAsync("stream", "create", "--nats", natsUrls, "--replicas", replicas.ToString(), "--dedup-window", "2m");
        Assert.True(created.ExitCode == 0, created.ToString());
        var server = await FeedServerProcess.StartAsync(recording, "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var capture = new NatsCapture(server, natsUrls);
        try
        {
            await server.SendAsync("pause");
            await server.WaitForAsync("ok");
            foreach (var name in runners)
            {
                await capture.StartRunnerAsync(name);
            }
            await server.SendAsync("resume");
            return capture;
        }
        catch
        {
            await capture.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (or restarts) runner <paramref name="name"/> on its data folder and waits until the feed server sees it connected.</summary>
    public async Task StartRunnerAsync(string name)
    {
        if (_runners.Remove(name, out var old))
        {
            await old.DisposeAsync();
        }
        _runners[name] = CaptureRunner.Start(Data(name), Server.Url, "--publish", NatsUrls, "--runner", name);
        await Server.WaitForAsync("connected", ++_connections, Generous);
    }

    /// <summary>Waits until the feed server has played everything and every runner in <paramref name="names"/> journaled it all.</summary>
    public async Task<long> WaitForFeedEndAsync(params string[] names)
    {
        var emitted = (await Server.WaitForAsync("done", timeout: Generous)).Number("emitted");
        foreach (var name in names)
        {
            await CapturedJournal.WaitUntilAsync(Data(name), journal => journal.Frames.Count >= emitted, Generous, () => Runner(name).Stderr);
        }
        return emitted;
    }

    /// <summary>
    /// Waits (bounded) until every running runner's publisher has NATS's ack for its whole journal, then SIGTERMs them;
    /// each exits 0. Waiting on the publishers' progress keeps the runners' own 10-s publishing budget at the stop out
    /// of the test's outcome on a slow machine.
    /// </summary>
    public async Task StopRunnersAsync()
    {
        foreach (var (name, runner) in _runners.Where(r => !r.Value.HasExited))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Published(name) < CapturedJournal.Read(Data(name)).Records.Count)
            {
                Assert.True(clock.Elapsed < Generous, $"runner {name} published up to {Published(name)} of {CapturedJournal.Read(Data(name)).Records.Count} records; stderr:\n{runner.Stderr}");
                await Task.Delay(50);
            }
        }
        foreach (var (name, runner) in _runners)
        {
            if (!runner.HasExited)
            {
                var code = await runner.TerminateAsync(Generous);
                Assert.True(code == 0, $"runner {name} exited {code?.ToString() ?? "(still running)"}; stderr:\n{runner.Stderr}");
            }
        }
    }

    /// <summary>The runner's last acknowledged local meta_seq, as its publisher keeps it on disk.</summary>
    private long Published(string runner)
    {
        try
        {
            return long.Parse(File.ReadAllText(Path.Combine(Data(runner), "nats-published-VECTRA")), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or FormatException)
        {
            return 0;
        }
    }

    /// <summary><c>vectra mirror --once</c> into <see cref="MirrorData"/>.</summary>
    public async Task<VectraProcess.Result> MirrorOnceAsync()
    {
        var result = await VectraProcess.RunAsync("mirror", "--from", NatsUrls, "--data", MirrorData, "--once");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners.Values)
        {
            await runner.DisposeAsync();
        }
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
