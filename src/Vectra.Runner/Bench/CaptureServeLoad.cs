using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Vectra.Runner.Serve;

namespace Vectra.Runner.Bench;

/// <summary>
/// For <c>bench capture --serve</c>: the dashboard inside the capturing process (as <c>capture --serve</c> runs it) and a
/// client on loopback that requests every page once a second until disposed, counting answers by status and timing them.
/// </summary>
internal sealed class CaptureServeLoad : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly string[] _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _milliseconds = [];
    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly Task _polling;
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
        _polling = Task.Run(() => PollAsync(_stop.Token));
    }

    /// <summary>Starts the dashboard over <paramref name="data"/> beside the capture whose services are <paramref name="capture"/>, and the polling client.</summary>
    public static CaptureServeLoad Start(string data, IServiceProvider capture, string? gameId)
    {
        var options = new ServeOptions(data, new Uri("http://127.0.0.1:0"), AllowRemote: false, OtlpEndpoint: null);
        return new CaptureServeLoad(CaptureDashboard.Start(options, capture, TimeProvider.System), gameId);
    }

    /// <summary>One line: rounds, requests by status, and the request time p50 and max.</summary>
    public string Summary
    {
        get
        {
            var sorted = _milliseconds.Order().ToArray();
            var statuses = string.Join(", ", _statuses.Select(s => $"{s.Value} × {s.Key}"));
            return sorted.Length == 0
                ? "no page was requested"
                : $"{_rounds} rounds of {_pages.Length} pages: {statuses}; request p50 {sorted[sorted.Length / 2]:F1} ms, max {sorted[^1]:F1} ms";
        }
    }

    public async ValueTask DisposeAsync()
    {
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
                    using var response = await _http.GetAsync(page, stop);
                    await response.Content.ReadAsByteArrayAsync(stop);
                    _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                    _statuses[(int)response.StatusCode] = _statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                }
                _rounds++;
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with the capture.
        }
    }
}
