using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vectra.Runner.Serve;
using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Bench;

/// <summary>
/// How long the dashboard takes to render its pages over a views.db holding many games (<see cref="ServeBenchGames"/>,
/// in the bench's own scratch folder): the Games page in every sort (first and last page) and filter, Stats, Now, a
/// Game page and the endpoints a monitor polls, each requested over loopback from an in-process dashboard, first with
/// every page rendered on every request, then with pages served again while views.db is unchanged (as the dashboard
/// runs). Server time is what the page reports in its <c>Server-Timing</c> header; the round trip is measured by the client.
/// </summary>
internal sealed partial class ServeBenchmark(string folder, int games, int requests)
{
    /// <summary>
    /// One page's figures; <c>Cached</c> when pages were served again while views.db was unchanged. <c>CpuMsPerRequest</c>
    /// is the process's CPU time per request and <c>AllocatedKbPerRequest</c> the bytes it allocated per request (server
    /// and client both), which a busy machine does not inflate.
    /// </summary>
    public sealed record PageTiming(string Path, bool Cached, double ServerMedianMs, double ServerMaxMs, double RoundTripMedianMs, double CpuMsPerRequest, double AllocatedKbPerRequest, int Bytes);

    public async Task<IReadOnlyList<PageTiming>> RunAsync(Action<string> log)
    {
        log($"simulating games, projecting them and cloning rows up to {games:N0} games…");
        var sampleGame = await ServeBenchGames.CreateAsync(folder, games);
        var timings = new List<PageTiming>();
        List<string>? paths = null;
        foreach (var cached in new[] { false, true })
        {
            var options = new ServeOptions(folder, new Uri("http://127.0.0.1:0"), AllowRemote: false, OtlpEndpoint: null) { CachePages = cached };
            await using var app = DashboardHost.Build(options, TimeProvider.System);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(DashboardHost.Addresses(app)[0]) };
            paths ??= await PathsAsync(http, sampleGame);
            foreach (var path in paths)
            {
                timings.Add(await TimeAsync(http, path, cached));
            }
            await app.StopAsync();
        }
        return timings;
    }

    private static async Task<List<string>> PathsAsync(HttpClient http, string sampleGame)
    {
        var lastPage = await LastPageAsync(http);
        var paths = new List<string> { "/games" };
        foreach (var sort in GameListSort.ByKey.Keys)
        {
            paths.Add($"/games?page=1&sort={sort}&dir=asc&filter=all");
            paths.Add($"/games?page={lastPage}&sort={sort}&dir=desc&filter=all");
        }
        foreach (var filter in GameListFilter.ByKey.Keys.Where(f => f != "all"))
        {
            paths.Add($"/games?page=1&sort=time&dir=desc&filter={filter}");
        }
        paths.AddRange(["/games?page=1&sort=peak&dir=desc&filter=unverified", "/stats", "/", $"/games/{sampleGame}", "/metrics", "/healthz", "/readyz"]);
        return paths;
    }

    private async Task<PageTiming> TimeAsync(HttpClient http, string path, bool cached)
    {
        for (var i = 0; i < 5; i++)
        {
            using var warm = await http.GetAsync(path);
            warm.EnsureSuccessStatusCode();
        }
        var rendered = new List<double>();
        var roundTrip = new List<double>();
        var bytes = 0;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            roundTrip.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            rendered.Add(response.Headers.TryGetValues("Server-Timing", out var timing) ? ServerMs(timing.Single()) : 0);
        }
        var allocatedPerRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / requests;
        self.Refresh();
        var cpuPerRequest = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests;
        return new PageTiming(path, cached, Median(rendered), rendered.Max(), Median(roundTrip), cpuPerRequest, allocatedPerRequest, bytes);
    }

    /// <summary>The number of the unfiltered list's last page, from the "page 1 of N" line of the first page.</summary>
    private static async Task<int> LastPageAsync(HttpClient http)
    {
        var html = await http.GetStringAsync("/games");
        var match = LastPageLine().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    /// <summary>The server time a page reports (<c>render;dur=1.234</c> or <c>cached;dur=0.012</c>); endpoints that are not pages report none.</summary>
    private static double ServerMs(string timing) =>
        double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);

    [GeneratedRegex("page 1 of ([0-9]+)")]
    private static partial Regex LastPageLine();

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
