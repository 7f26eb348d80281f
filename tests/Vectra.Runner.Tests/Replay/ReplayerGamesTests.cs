using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Replay;

/// <summary>REPLAYER tick logs replayed through the real binary become games with the rug tick and peak their files state.</summary>
public class ReplayerGamesTests
{
    [RealDataFact]
    public async Task Every_replayer_game_gets_the_rug_tick_peak_and_final_price_of_its_tick_log()
    {
        using var folder = new TempFolder();
        var recordings = RealData.PathOf("replayer/rugs_recordings");
        var result = await VectraProcess.RunAsync("replay", recordings, "--speed", "max", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());

        var expected = Directory.GetFiles(recordings, "game_*.jsonl").Select(ExpectedGame).Where(g => g is not null).Select(g => g!.Value).ToList();
        Assert.True(expected.Count >= 30, $"only {expected.Count} tick logs with a rug and a game_end");
        using var views = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "views.db")};Mode=ReadOnly;Pooling=False");
        views.Open();
        foreach (var game in expected)
        {
            using var query = views.CreateCommand();
            query.CommandText = "SELECT rug_tick, peak_observed, final_price FROM games WHERE game_id = $g";
            query.Parameters.AddWithValue("$g", game.Id);
            using var row = query.ExecuteReader();
            Assert.True(row.Read(), $"no game row for {game.Id}");
            Assert.Equal((game.RugTick, game.Peak, game.Final), (row.GetInt32(0), row.GetDouble(1), row.GetDouble(2)));
        }
    }

    /// <summary>From the file itself: the first rugged tick, and game_end's peak and final price (torn lines skipped).</summary>
    private static (string Id, int RugTick, double Peak, double Final)? ExpectedGame(string file)
    {
        int? rugTick = null;
        JsonElement? end = null;
        foreach (var line in File.ReadLines(file))
        {
            JsonElement row;
            try
            {
                row = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }
            var type = row.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "tick" && rugTick is null && row.TryGetProperty("rugged", out var rugged) && rugged.ValueKind == JsonValueKind.True)
            {
                rugTick = row.GetProperty("tick").GetInt32();
            }
            else if (type == "game_end")
            {
                end = row;
            }
        }
        if (rugTick is null || end is not { } last || !last.TryGetProperty("peak_price", out var peak))
        {
            return null;
        }
        return (last.GetProperty("game_id").GetString()!, rugTick.Value, peak.GetDouble(), last.GetProperty("final_price").GetDouble());
    }
}
