using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// The pages that read views.db alone are served again from their last rendering while views.db is unchanged, and
/// rendered anew on the first request after anything commits to it or replaces it, by the real <c>vectra serve</c>.
/// </summary>
public sealed partial class CachedPagesTests : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly TempFolder _folder = new();

    private string Data => _folder.File("data");

    [Fact]
    public async Task A_completed_game_appears_on_the_next_request_after_its_projection_commits()
    {
        var first = await SimulateAsync("first.jsonl", games: 3, seed: 7, start: "2025-12-12T00:00:00Z");
        var next = await SimulateAsync("next.jsonl", games: 1, seed: 6, start: "2026-01-01T00:00:00Z");
        await ReplayAsync(first);
        await using var server = await ServeProcess.StartAsync(Data);
        var before = CompleteGameIds();

        var (_, games, _) = await GetAsync(server.Url, "/games");
        var (_, gamesAgain, timing) = await GetAsync(server.Url, "/games");
        await GetAsync(server.Url, "/stats");
        var (_, stats, statsTiming) = await GetAsync(server.Url, "/stats");
        Assert.StartsWith("cached;", timing, StringComparison.Ordinal);
        Assert.StartsWith("cached;", statsTiming, StringComparison.Ordinal);
        Assert.Equal(games, gamesAgain);
        Assert.Equal(before.Count, CompleteGames(stats));

        await ReplayAsync(next);

        var (_, gamesAfter, timingAfter) = await GetAsync(server.Url, "/games");
        var (_, statsAfter, _) = await GetAsync(server.Url, "/stats");
        var after = CompleteGameIds();
        var added = after.Except(before).ToList();
        Assert.NotEmpty(added);
        Assert.StartsWith("render;", timingAfter, StringComparison.Ordinal);
        Assert.All(added, id => Assert.DoesNotContain(id, games, StringComparison.Ordinal));
        Assert.All(after, id => Assert.Contains($"data-game-id=\"{id}\" data-complete=\"1\"", gamesAfter, StringComparison.Ordinal));
        Assert.Equal(after.Count, CompleteGames(statsAfter));
        var (status, gamePage, _) = await GetAsync(server.Url, $"/games/{added[^1]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Game {added[^1]}", gamePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_and_rebuilt_views_db_is_shown_as_it_is_not_as_it_was_cached()
    {
        await ReplayAsync(await SimulateAsync("first.jsonl", games: 2, seed: 3, start: "2025-12-12T00:00:00Z"));
        await using var server = await ServeProcess.StartAsync(Data);
        await GetAsync(server.Url, "/games");
        var (_, listed, timing) = await GetAsync(server.Url, "/games");
        Assert.StartsWith("cached;", timing, StringComparison.Ordinal);
        Assert.Contains("data-game-id=", listed, StringComparison.Ordinal);

        foreach (var file in Directory.GetFiles(Data, "views.db*"))
        {
            File.Delete(file);
        }
        var (_, missing, _) = await GetAsync(server.Url, "/games");
        var rebuild = await VectraProcess.RunAsync("rebuild", "--data", Data);
        var (_, rebuilt, rebuiltTiming) = await GetAsync(server.Url, "/games");

        Assert.Contains("views.db does not exist yet", missing, StringComparison.Ordinal);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.StartsWith("render;", rebuiltTiming, StringComparison.Ordinal);
        Assert.Equal(GameIds(listed).Order(), GameIds(rebuilt).Order());
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The complete games views.db holds now, read from the file itself.</summary>
    private List<string> CompleteGameIds()
    {
        using var views = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "views.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        views.Open();
        return views.Rows("SELECT game_id FROM complete_games ORDER BY game_id", r => r.GetString(0));
    }

    private async Task<string> SimulateAsync(string name, int games, int seed, string start)
    {
        var path = _folder.File(name);
        var result = await VectraProcess.RunAsync("simulate", "--games", $"{games}", "--seed", $"{seed}", "--start", start, "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return path;
    }

    private async Task ReplayAsync(string recording)
    {
        var result = await VectraProcess.RunAsync("replay", recording, "--data", Data);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static async Task<(HttpStatusCode Status, string Body, string Timing)> GetAsync(Uri server, string path)
    {
        using var response = await Http.GetAsync(new Uri(server, path));
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(",", values) : "";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), timing);
    }

    private static List<string> GameIds(string text) => [.. GameId().Matches(text).Select(m => m.Groups[1].Value).Distinct()];

    private static int CompleteGames(string statsPage) =>
        int.Parse(StatsHeading().Match(statsPage).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("data-game-id=\"([^\"]+)\"")]
    private static partial Regex GameId();

    [GeneratedRegex("Stats over ([0-9,]+) complete games")]
    private static partial Regex StatsHeading();
}
