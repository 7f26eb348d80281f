using System.Globalization;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Exports;

/// <summary>
/// A simulated feed (with faults, null usernames) plus hand-made records (unicode, empty and absent prices) crossing a
/// UTC midnight, projected with small row limits so every type has closed and open files; DuckDB and hyparquet read
/// every file, agree with each other, and equal views.db (and the journal, for <c>events</c>) row by row.
/// </summary>
public class ExportsMatchViewsTests
{
    private static readonly DateTimeOffset BeforeMidnight = new(2025, 12, 31, 23, 53, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", 12)]
    [InlineData("dup-extended,out-of-order,missing-rug-emission,gap:2,mid-game", 12)]
    public async Task Every_export_equals_views_db_row_by_row(string faults, int games)
    {
        using var folder = new TempFolder();
        var records = Records(games, faults);
        await ProjectionHarness.JournalAsync(folder.Path, records);
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.AllWithEvents(new ExportOptions(700, TimeSpan.FromMinutes(1)))))
        {
            runner.CatchUp();
        }
        var data = folder.Path;
        var journal = records.Select((r, i) => r with { Seq = i + 1 }).ToList();

        EventsMatchJournal(data, journal);
        var ticks = ExportedRows.Read(data, "game_tick", GameTickExport.Columns, 0, 1);
        ticks.AssertEqualToViews(data, "SELECT game_id, tick, price, backfilled, meta_seq, meta_ts FROM ticks", GameTickExport.Columns, 0, 1);
        var trades = ExportedRows.Read(data, "trade", TradeExport.Columns, 0);
        trades.AssertEqualToViews(data, "SELECT id, game_id, player_id, username, type, amount, price, qty, tick, leverage, forced, meta_seq, meta_ts FROM trades", TradeExport.Columns, 0);
        var complete = ExportedRows.Read(data, "complete_game", CompleteGameExport.Columns, 0);
        complete.AssertEqualToViews(data, """
            SELECT game_id, ended_at, game_version, peak_multiplier, rug_tick, prices, prices_source, server_seed, server_seed_hash, fairness,
                fairness_reason, sidebet_count, ticks_observed, completeness, live_mismatches, first_seq, meta_ts FROM complete_games
            """, CompleteGameExport.Columns, 0);
        var sidebets = ExportedRows.Read(data, "sidebet", SidebetExport.Columns, 0, 1, 4);
        sidebets.AssertEqualToViews(data, "SELECT game_id, player_id, username, bet_amount, start_tick, end_tick, x_payout, won, payout, profit FROM sidebets", SidebetExport.Columns, 0, 1, 4);

        // "prices": [] publishes nothing: without a seed the prices, the rug tick and the sidebets' outcomes are unknown.
        Assert.Equal(JsonValueKind.Null, complete.ByKey["29990101-emptyprices"][5].ValueKind);
        Assert.Equal(JsonValueKind.Null, complete.ByKey["29990101-emptyprices"][4].ValueKind);
        Assert.Equal(JsonValueKind.Null, sidebets.ByKey["29990101-emptyprices|p-unicode|3"][7].ValueKind);
        Assert.Equal(JsonValueKind.Null, complete.ByKey["29990101-noprices"][5].ValueKind);
        Assert.Equal(ExtraRecords.Unicode, trades.ByKey["t-unicode"][3].GetString());
        Assert.Equal(JsonValueKind.Null, trades.ByKey["t-nogame"][3].ValueKind);
        Assert.Equal(ExtraRecords.Unicode, sidebets.ByKey["29990101-emptyprices|p-unicode|3"][2].GetString());
        Assert.Equal(faults.Contains("gap", StringComparison.Ordinal), ticks.ByKey.Values.Any(row => row[3].GetBoolean()));
        foreach (var rows in new[] { ticks, trades, complete, sidebets })
        {
            Assert.Contains(rows.Files, f => !f.EndsWith("-open.parquet", StringComparison.Ordinal));
            Assert.True(rows.Files.Any(f => f.Contains("date=2026-01-01", StringComparison.Ordinal)) && rows.Files.Any(f => f.Contains("date=2025-12-31", StringComparison.Ordinal)), string.Join("\n", rows.Files));
        }
    }

    [Fact]
    public async Task Each_row_sits_in_the_partition_of_its_utc_day()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, Records(8, ""));
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.AllWithEvents(new ExportOptions(500, TimeSpan.FromMinutes(1)))))
        {
            runner.CatchUp();
        }
        var glob = Parquet.ParquetChecker.SqlLiteral(Path.Combine(folder.Path, "exports", "doc_type=game_tick", "**", "*.parquet"));
        var result = Parquet.ParquetChecker.Query($"""
            SELECT count(*), count(*) FILTER (WHERE CAST(date AS VARCHAR) = strftime(meta_ts AT TIME ZONE 'UTC', '%Y-%m-%d'))
            FROM read_parquet({glob}, hive_partitioning=true)
            """);
        var row = result.GetProperty("rows")[0];
        Assert.NotEqual("0", row[0].GetString());
        Assert.Equal(row[0].GetString(), row[1].GetString());
    }

    internal static List<JournalRecord> Records(int games, string faults)
    {
        var options = new SimulationOptions(games, 7, BeforeMidnight, SimulationFaults.Parse(faults));
        var records = FeedSimulator.Records(options).ToList();
        records.AddRange(ExtraRecords.After(records[^1]));
        return records;
    }

    private static void EventsMatchJournal(string data, List<JournalRecord> journal)
    {
        var events = ExportedRows.Read(data, "events", EventsExport.Columns, 0);
        Assert.Equal(journal.Count, events.ByKey.Count);
        foreach (var record in journal)
        {
            var row = events.ByKey[record.Seq.ToString(CultureInfo.InvariantCulture)];
            using var args = JsonDocument.Parse(record.Args);
            var payload = args.RootElement.GetArrayLength() == 0 ? (JsonElement?)null : args.RootElement[args.RootElement.GetArrayLength() - 1];
            var gameId = payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("gameId", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
            Assert.Equal<IEnumerable<string?>>(
                [record.Seq.ToString(CultureInfo.InvariantCulture), record.Ts.ToString(CultureInfo.InvariantCulture), record.Session.ToString(),
                    record.Conn.ToString(CultureInfo.InvariantCulture), record.Source, record.Event, gameId, payload?.GetRawText()],
                row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToArray());
        }
    }
}
