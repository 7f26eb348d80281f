using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Vectra.Runner.Serve;

namespace Vectra.Runner.Bench;

/// <summary>
/// For <c>bench capture --serve</c>: the dashboard inside the capturing process (as <c>capture --serve</c> runs it) and a
/// client on loopback that requests every page once a second until disposed, counting answers by status and timing them.
/// Disposing waits for the first round to finish (a short capture would otherwise end before any page was answered).
/// </summary>
/// <remarks>
/// Every page is requested once before the capture starts and not counted: the first view of each page pays for
/// JIT compilation and the views connection's setup once in a process's life, which a capture running for months
/// pays at its first page view, not while it is measured here.
/// </remarks>
internal sealed class CaptureServeLoad : IAsyncDisposable
{
    private static readonly TimeSpan FirstRoundLimit = TimeSpan.FromMinutes(1);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly string[] _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _milliseconds = [];
    private readonly SortedDictionary<int, int> _statuses = [];
    private Task _polling = Task.CompletedTask;
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _rounds;

    private CaptureServeLoad(WebApplication app, string? gameId)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = new Uri(DashboardHost.Addresses(app)[0]), Timeout = TimeSpan.FromSeconds(30) };
        _pages =
        [
            "/", "/games", "/games?page=100&sort=peak&dir=asc&filter=all", "/games?filter=incomplete&sort=rug", "/stats",
            "/metrics", "/healthz", "/readyz", .. gameId is null ? Array.Empty<string>() : [$"/games/{gameId}"],
        ];
    }

    /// <summary>
    /// Starts the dashboard over <paramref name="data"/> beside the capture whose services are <paramref name="capture"/>,
    /// requests every page once (not counted), then starts the polling client.
    /// </summary>
    public static async Task<CaptureServeLoad> StartAsync(string data, IServiceProvider capture, string? gameId)
    {
        var options = new ServeOptions(data, new Uri("http://127.0.0.1:0"), AllowRemote: false, OtlpEndpoint: null);
        var load = new CaptureServeLoad(CaptureDashboard.Start(options, capture, TimeProvider.System), gameId);
        foreach (var page in load._pages)
        {
            await load.RequestAsync(page, CancellationToken.None);
        }
        load._polling = Task.Run(() => load.PollAsync(load._stop.Token));
        return load;
    }

    /// <summary>What the client saw; read it after disposing.</summary>
    public ServingFigures Figures => ServingFigures.From(_rounds, _pages.Length, _milliseconds, _statuses);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAny(_firstRound.Task, _polling).WaitAsync(FirstRoundLimit);
        }
        catch (TimeoutException)
        {
            // The figures then show no complete round, which is the finding.
        }
        await _stop.CancelAsync();
        await _polling;
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                foreach (var page in _pages)
                {
                    var clock = Stopwatch.StartNew();
                    var status = await RequestAsync(page, stop);
                    _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                    _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
                }
                _rounds++;
                _firstRound.TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with the capture.
        }
    }

    /// <summary>Requests a page and reads its body to the last byte without keeping it (a browser's copy is not the capture's garbage).</summary>
    private async Task<int> RequestAsync(string page, CancellationToken stop)
    {
        using var response = await _http.GetAsync(page, HttpCompletionOption.ResponseHeadersRead, stop);
        await response.Content.CopyToAsync(Stream.Null, stop);
        return (int)response.StatusCode;
    }
}
