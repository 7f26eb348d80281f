using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary><c>vectra serve</c> over plain HTTP: bad requests get 400/404 pages and never a stack trace, it writes nothing, metrics and health answer.</summary>
[Collection(ServedDashboard.Name)]
public sealed class ServeHttpTests(ServedSession session)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData("/games?page=0")]
    [InlineData("/games?page=abc")]
    [InlineData("/games?page=999999")]
    [InlineData("/games?page=1&page=2")]
    [InlineData("/games?sort=rug_tick%3B%20DROP%20TABLE%20games")]
    [InlineData("/games?filter=%27%20OR%201%3D1%20--")]
    [InlineData("/games?dir=sideways")]
    [InlineData("/games?junk=1")]
    [InlineData("/?x=1")]
    [InlineData("/stats?page=2")]
    [InlineData("/games/20251212-0000000000000000?x=1")]
    [InlineData("/games/..%2F..%2Fjournal.db")]
    [InlineData("/games/%27%3B%20DROP%20TABLE%20games%3B--")]
    public async Task A_bad_request_gets_a_400_page_without_a_stack_trace(string path)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertErrorPage(body, "400");
    }

    [Theory]
    [InlineData("/games/20251212-0000000000000000")]
    [InlineData("/games/unknown-game")]
    [InlineData("/journal.db")]
    [InlineData("/views.db")]
    [InlineData("/nothing/here")]
    public async Task An_unknown_page_or_game_gets_a_404_page(string path)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertErrorPage(body, "404");
    }

    [Theory]
    [InlineData("/../journal.db")]
    [InlineData("/games/../../journal.db")]
    [InlineData("/%2e%2e/%2e%2e/views.db")]
    [InlineData("/games/%2e%2e%2f%2e%2e%2fjournal.db")]
    [InlineData("/..%5c..%5cjournal.db")]
    public async Task Path_traversal_reaches_no_file(string rawPath)
    {
        // Sent byte for byte on a socket: HttpClient would resolve the dots itself.
        var (status, body) = await RawGetAsync(rawPath);

        Assert.True(status is 400 or 404, $"{rawPath} answered {status}");
        Assert.DoesNotContain("SQLite format 3", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_answers_and_leaves_journal_and_views_untouched()
    {
        var before = Fingerprint();
        var gameId = FirstGameId();
        foreach (var path in new[] { "/", "/games", "/games?page=1&sort=peak&dir=asc&filter=incomplete", $"/games/{gameId}", "/stats", "/metrics", "/healthz", "/readyz" })
        {
            var (status, body) = await GetAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {status}\n{body}");
        }

        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task Metrics_parse_as_Prometheus_text_and_count_the_frames_status_counts()
    {
        var (status, text) = await GetAsync("/metrics");
        var statusJson = await VectraProcess.RunAsync("status", "--data", session.Data, "--json");

        Assert.Equal(HttpStatusCode.OK, status);
        var samples = PrometheusText.Parse(text);
        var records = JsonDocument.Parse(statusJson.Stdout).RootElement.GetProperty("records").GetInt64();
        Assert.True(records > 1000, statusJson.ToString());
        Assert.Equal(records, (long)Assert.Single(samples, s => s.Name == "vectra_journal_records").Value);
        Assert.Contains(samples, s => s.Name == "vectra_projection_lag" && s.Labels.GetValueOrDefault("projection") == "rugs" && s.Value == 0);
        Assert.Contains(samples, s => s.Name == "vectra_projection_quarantined" && s.Labels.GetValueOrDefault("projection") == "rugs");
        Assert.True(Assert.Single(samples, s => s.Name == "vectra_journal_size_bytes").Value > 0);
    }

    [Fact]
    public async Task Health_and_readiness_answer_when_the_journal_is_readable()
    {
        Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync("/healthz"));
        Assert.Equal((HttpStatusCode.OK, "ready\n"), await GetAsync("/readyz"));
    }

    [Fact]
    public async Task An_empty_data_folder_is_served_and_fills_in_once_a_replay_writes_it()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        var recording = folder.File("one.jsonl");
        await using var server = await ServeProcess.StartAsync(data);
        var url = server.Url;

        var (nowStatus, now) = await GetAsync("/", url);
        var (gamesStatus, games) = await GetAsync("/games", url);
        var (readyStatus, ready) = await GetAsync("/readyz", url);
        Assert.Equal(HttpStatusCode.OK, nowStatus);
        Assert.Contains("id=\"no-journal\"", now, StringComparison.Ordinal);
        Assert.Contains("id=\"no-views\"", now, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, gamesStatus);
        Assert.Contains("views.db does not exist yet", games, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.StartsWith("not ready: no journal", ready, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "views.db")), "serve created views.db");

        Assert.Equal(0, (await VectraProcess.RunAsync("simulate", "--games", "2", "--seed", "3", "--out", recording)).ExitCode);
        Assert.Equal(0, (await VectraProcess.RunAsync("replay", recording, "--data", data)).ExitCode);

        var (_, filled) = await GetAsync("/games", url);
        Assert.DoesNotContain("views.db does not exist yet", filled, StringComparison.Ordinal);
        Assert.Contains("data-game-id=", filled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/readyz", url)).Status);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.0.2.1:5080")]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("not a url")]
    public async Task A_non_loopback_or_malformed_url_is_refused_with_exit_2(string urls)
    {
        using var folder = new TempFolder();

        var result = await VectraProcess.RunAsync("serve", "--data", folder.Path, "--urls", urls);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("vectra: --urls", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertErrorPage(string body, string status)
    {
        Assert.Contains($"<h1>{status} &#183; ", body, StringComparison.Ordinal);
        Assert.Contains("id=\"error-message\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private string FirstGameId()
    {
        using var views = session.OpenViews();
        return views.Rows("SELECT game_id FROM complete_games ORDER BY game_id LIMIT 1", r => r.GetString(0))[0];
    }

    private string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var name in new[] { "journal.db", "journal.db-wal", "views.db", "views.db-wal" })
        {
            var path = Path.Combine(session.Data, name);
            text.Append(name).Append(':').Append(File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "absent").Append('\n');
        }
        return text.ToString();
    }

    private Task<(HttpStatusCode Status, string Body)> GetAsync(string path) => GetAsync(path, session.Url);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, Uri server)
    {
        using var response = await Http.GetAsync(new Uri(server, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(int Status, string Body)> RawGetAsync(string rawPath)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(session.Url.Host, session.Url.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: {session.Url.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = await reader.ReadToEndAsync(guard.Token);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
