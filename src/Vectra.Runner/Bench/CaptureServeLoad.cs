using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Vectra.Runner.Serve;

namespace Vectra.Runner.Bench;

/// <summary>
/// For <c>bench capture --serve</c>: the dashboard inside the capturing process (as <c>capture --serve</c> runs it) and a
/// viewer in its own process, as a browser is (<c>tests/feed-server/page-poller.js</c>, Node), that requests every page
/// once a second until disposed and reports its answers by status and their times. So the capturing process pays for
/// serving the pages, not for a client reading them.
/// </summary>
/// <remarks>
/// The viewer requests every page once before the capture starts and does not count it: the first view of each page
/// pays for JIT compilation and the views connection's setup once in a process's life, which a capture running for
/// months pays at its first page view, not while it is measured here. Disposing waits for the first counted round
/// (a short capture would otherwise end before any page was answered).
/// Failure policy: a viewer that cannot start or reports an error ends the benchmark with its message.
/// </remarks>
internal sealed class CaptureServeLoad : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstRoundLimit = TimeSpan.FromMinutes(1);

    private readonly WebApplication _app;
    private readonly Process _viewer;
    private readonly int _pagesPerRound;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ServingFigures> _figures = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;

    private CaptureServeLoad(WebApplication app, Process viewer, int pagesPerRound)
    {
        _app = app;
        _viewer = viewer;
        _pagesPerRound = pagesPerRound;
        _reading = Task.Run(ReadReportsAsync);
    }

    /// <summary>The pages a round requests: Now, Games (three orders and filters), Stats, the endpoints a monitor polls, a Game page.</summary>
    public static string[] Pages(string? gameId) =>
    [
        "/", "/games", "/games?page=100&sort=peak&dir=asc&filter=all", "/games?filter=incomplete&sort=rug", "/stats",
        "/metrics", "/healthz", "/readyz", .. gameId is null ? Array.Empty<string>() : [$"/games/{gameId}"],
    ];

    /// <summary>
    /// Starts the dashboard over <paramref name="data"/> beside the capture whose services are <paramref name="capture"/>,
    /// then the viewer from <paramref name="toolFolder"/> (tests/feed-server), and returns once it has requested every page once.
    /// </summary>
    public static async Task<CaptureServeLoad> StartAsync(string data, IServiceProvider capture, string? gameId, string toolFolder)
    {
        var options = new ServeOptions(data, new Uri("http://127.0.0.1:0"), AllowRemote: false, OtlpEndpoint: null);
        var app = CaptureDashboard.Start(options, capture, TimeProvider.System);
        var pages = Pages(gameId);
        var start = new ProcessStartInfo("node") { WorkingDirectory = toolFolder, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["page-poller.js", "--base", DashboardHost.Addresses(app)[0], "--interval-ms", "1000"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var page in pages)
        {
            start.ArgumentList.Add("--page");
            start.ArgumentList.Add(page);
        }
        var viewer = Process.Start(start) ?? throw new InvalidOperationException("could not start node for the page viewer.");
        var load = new CaptureServeLoad(app, viewer, pages.Length);
        await load._ready.Task.WaitAsync(StartLimit);
        return load;
    }

    /// <summary>What the viewer saw; read it after disposing.</summary>
    public ServingFigures Figures { get; private set; } = ServingFigures.From(0, 0, [], new Dictionary<int, int>());

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAny(_firstRound.Task, _figures.Task).WaitAsync(FirstRoundLimit);
        }
        catch (TimeoutException)
        {
            // The figures then show no complete round, which is the finding.
        }
        try
        {
            await _viewer.StandardInput.WriteLineAsync("stop");
            _viewer.StandardInput.Close();
            Figures = await _figures.Task.WaitAsync(FirstRoundLimit);
        }
        finally
        {
            if (!_viewer.HasExited)
            {
                _viewer.Kill();
            }
            await _viewer.WaitForExitAsync();
            await _reading;
            _viewer.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ReadReportsAsync()
    {
        while (await _viewer.StandardOutput.ReadLineAsync() is { } line)
        {
            using var report = JsonDocument.Parse(line);
            var root = report.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "ready":
                    _ready.TrySetResult();
                    break;
                case "round":
                    _firstRound.TrySetResult();
                    break;
                case "figures":
                    var statuses = root.GetProperty("statuses").EnumerateObject().ToDictionary(s => int.Parse(s.Name, System.Globalization.CultureInfo.InvariantCulture), s => s.Value.GetInt32());
                    var ms = root.GetProperty("ms").EnumerateArray().Select(m => m.GetDouble()).ToArray();
                    _figures.TrySetResult(ServingFigures.From(root.GetProperty("rounds").GetInt32(), _pagesPerRound, ms, statuses));
                    break;
                case "error":
                    var failure = new InvalidOperationException($"the page viewer failed: {root.GetProperty("message").GetString()}");
                    _ready.TrySetException(failure);
                    _figures.TrySetException(failure);
                    break;
            }
        }
        var exited = new InvalidOperationException("the page viewer (node page-poller.js) exited before it reported its figures.");
        _ready.TrySetException(exited);
        _figures.TrySetException(exited);
    }
}
