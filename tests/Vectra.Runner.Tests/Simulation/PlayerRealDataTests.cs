using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>
/// The player projections over the real authenticated samples: the <c>ws_event_examples</c> frames imported by the
/// importer (<c>playerUpdate</c>, <c>gameStatePlayerUpdate</c>, <c>gameStateUpdate</c>) and the 30 raw
/// <c>gameStatePlayerUpdate</c> payloads of <c>claude-flow/schema_samples</c> journaled as a capture journals a frame
/// (<c>[payload]</c>): nothing is quarantined, and the rows hold the frames' fields (read here with JsonDocument).
/// </summary>
public sealed class PlayerRealDataTests
{
    private const string Examples = "vectra-player/ws_event_examples";
    private const string SchemaSamples = "claude-flow/schema_samples/gameStatePlayerUpdate_schema_samples.json";

    private static List<string> ExampleFiles() =>
        [.. Directory.EnumerateFiles(RealData.PathOf(Examples), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static async Task<string> ProjectAsync(TempFolder folder)
    {
        var imported = await ImportFilesAsync(folder, ExampleFiles());
        Assert.All(imported.Files, f => Assert.NotNull(f.Appended));
        var data = DataOf(folder);
        using (var writer = JournalWriter.Open(data, Durability.None))
        {
            var seq = writer.Tail;
            var samples = JsonDocument.Parse(File.ReadAllBytes(RealData.PathOf(SchemaSamples))).RootElement.EnumerateArray()
                .Select(payload => new JournalRecord(++seq, 1_765_750_000_000_000 + seq, Guid.Empty, 1, "import:test", "gameStatePlayerUpdate",
                    Encoding.UTF8.GetBytes("[" + payload.GetRawText() + "]")))
                .ToArray();
            await writer.AppendExactAsync(samples);
        }
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.All());
        runner.CatchUp();
        return data;
    }

    [RealDataFact]
    public async Task The_samples_project_without_quarantine_and_player_state_rows_equal_the_playerUpdate_frames()
    {
        using var folder = new TempFolder();
        var data = await ProjectAsync(folder);
        Assert.Empty(ProjectionStates.Quarantined(data));

        var frames = ExampleFiles().Where(f => f.Contains("/playerUpdate/", StringComparison.Ordinal))
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("data"))
            .Select(d => (d.GetProperty("id").GetString(), d.GetProperty("cash").GetDouble(), d.GetProperty("positionQty").GetDouble(),
                d.GetProperty("avgCost").GetDouble(), d.GetProperty("cumulativePnL").GetDouble(), d.GetProperty("totalInvested").GetDouble(),
                d.GetProperty("sidebetPnl").GetDouble(), d.GetProperty("bonusBalance").GetDouble(), d.GetProperty("pnlPercent").GetDouble()))
            .ToList();
        var rows = ViewsRows.Query(data,
            "SELECT player_id, cash, position_qty, avg_cost, cumulative_pnl, total_invested, sidebet_pnl, bonus_balance, pnl_percent FROM player_state ORDER BY meta_seq",
            r => ((string?)r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8)));
        Assert.Equal(2, frames.Count);
        Assert.Equal(frames, rows);
        Assert.Equal([frames[^1].Item1!], ViewsRows.Query(data, "SELECT player_id FROM player_latest", r => r.GetString(0)));
    }

    [RealDataFact]
    public async Task Rugpool_rows_equal_each_games_last_gameStatePlayerUpdate()
    {
        using var folder = new TempFolder();
        var data = await ProjectAsync(folder);

        // The last frame with a rugpool of each game, in journal order: the example files (sorted by name), then the samples.
        var pools = ExampleFiles().Where(f => f.Contains("/gameStatePlayerUpdate/", StringComparison.Ordinal))
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("data"))
            .Concat(JsonDocument.Parse(File.ReadAllBytes(RealData.PathOf(SchemaSamples))).RootElement.EnumerateArray())
            .Where(p => p.TryGetProperty("rugpool", out _))
            .GroupBy(p => p.GetProperty("gameId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last());
        Assert.True(pools.Count >= 3, $"{pools.Count} games with a rugpool");

        var games = ViewsRows.Query(data, "SELECT game_id, instarug_count, rugpool_amount, total_entries, players_with_entries FROM rugpool ORDER BY game_id",
            r => (r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetInt64(3), r.GetInt64(4)));
        var expected = pools.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var pool = p.Value.GetProperty("rugpool");
            return (p.Key, pool.GetProperty("instarugCount").GetInt64(), pool.GetProperty("rugpoolAmount").GetDouble(),
                pool.GetProperty("totalEntries").GetInt64(), pool.GetProperty("playersWithEntries").GetInt64());
        });
        Assert.Equal(expected, games);

        foreach (var (gameId, frame) in pools)
        {
            var listed = frame.GetProperty("rugpool").GetProperty("playerEntries").EnumerateArray()
                .Select(e => (e.GetProperty("playerId").GetString()!, e.GetProperty("entries").GetInt64(), e.GetProperty("percentage").GetDouble()))
                .OrderBy(e => e.Item1, StringComparer.Ordinal);
            var stored = ViewsRows.Query(data, $"SELECT player_id, entries, percentage FROM rugpool_entries WHERE game_id = '{gameId}' ORDER BY player_id",
                r => (r.GetString(0), r.GetInt64(1), r.GetDouble(2)));
            Assert.Equal(listed, stored);
        }
    }
}
