using System.Security.Cryptography;
using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Exports;

/// <summary>
/// The rows of an export part that is in no closed file yet are kept in memory and saved in views.db as one chunk per
/// flush. A projection stopped mid-part and started again, and batches rolled back by a failing record, must write the
/// same closed files, byte for byte, as one uninterrupted run, and lose or repeat no row.
/// </summary>
public class ExportTailRestartTests
{
    private static readonly string[] RowTypes = ["game_tick", "trade", "complete_game", "sidebet"];

    [Fact]
    public async Task Closed_files_are_the_same_bytes_after_restarts_mid_part_and_rolled_back_batches()
    {
        var records = ExportsMatchViewsTests.Records(20, "");
        // After the first committed batch: the events export refuses it (its time has no calendar day), which rolls back
        // the batch of every projection, so the row exports restore their open parts from views.db.
        var junkAt = BatchApplier.BatchSize + 700;
        Assert.True(records.Count > junkAt + 1000, $"only {records.Count} records");
        records.Insert(junkAt, records[junkAt] with { Event = "junk", Ts = 253_402_300_800_000_000, Args = Encoding.UTF8.GetBytes("""[{"x":1}]""") });
        var options = new ExportOptions(300, TimeSpan.FromMinutes(1));

        using var whole = new TempFolder();
        await ProjectionHarness.JournalAsync(whole.Path, records);
        using (var runner = ProjectionRunner.Open(whole.Path, ProjectionCatalog.AllWithEvents(options)))
        {
            runner.CatchUp();
        }

        using var stopped = new TempFolder();
        // Sorted: where the junk record falls among the fixed cuts follows BatchApplier.BatchSize.
        int[] cuts = [.. new[] { 0, 1_234, junkAt + 1, 7_777, records.Count }.Order()];
        for (var i = 1; i < cuts.Length; i++)
        {
            await ProjectionHarness.JournalAsync(stopped.Path, records.Skip(cuts[i - 1]).Take(cuts[i] - cuts[i - 1]));
            using var runner = ProjectionRunner.Open(stopped.Path, ProjectionCatalog.AllWithEvents(options));
            runner.CatchUp();
        }

        foreach (var data in new[] { whole.Path, stopped.Path })
        {
            var junkSeq = junkAt + 1;
            Assert.Contains(ProjectionHarness.Query(data, "SELECT projection, meta_seq FROM projection_errors", r => (r.GetString(0), r.GetInt64(1))),
                error => error == ("export.events", junkSeq));
        }
        var expected = ClosedFiles(whole.Path);
        foreach (var type in RowTypes)
        {
            // Ticks and trades close parts by row count as well as by day; one row per game closes them by day only.
            var least = type is "game_tick" or "trade" ? 3 : 1;
            Assert.True(expected.Keys.Count(k => k.Contains("doc_type=" + type + "/", StringComparison.Ordinal)) >= least, $"{type}: too few closed files to test parts");
        }
        Assert.Equal(expected, ClosedFiles(stopped.Path));

        var ticks = ExportedRows.Read(stopped.Path, "game_tick", GameTickExport.Columns, 0, 1);
        ticks.AssertEqualToViews(stopped.Path, "SELECT game_id, tick, price, backfilled, meta_seq, meta_ts FROM ticks", GameTickExport.Columns, 0, 1);
        var trades = ExportedRows.Read(stopped.Path, "trade", TradeExport.Columns, 0);
        trades.AssertEqualToViews(stopped.Path, "SELECT id, game_id, player_id, username, type, amount, price, qty, tick, leverage, forced, meta_seq, meta_ts FROM trades", TradeExport.Columns, 0);
    }

    [Fact]
    public async Task Views_db_keeps_a_chunk_per_flush_not_a_row_per_exported_row()
    {
        using var folder = new TempFolder();
        var records = ExportsMatchViewsTests.Records(12, "");
        await ProjectionHarness.JournalAsync(folder.Path, records);
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.AllWithEvents(new ExportOptions(1_000_000, TimeSpan.FromMinutes(1)))))
        {
            runner.CatchUp();
        }
        var tables = ProjectionHarness.Query(folder.Path, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        Assert.DoesNotContain(tables, t => t.StartsWith("export_tail_", StringComparison.Ordinal));
        foreach (var type in new[] { "game_tick", "trade" })
        {
            var (chunks, rows) = ProjectionHarness.Query(folder.Path, $"SELECT count(*), max(rows) FROM export_chunks_{type}", r => (r.GetInt64(0), r.GetInt64(1))).Single();
            // One chunk per committed batch at most, however many rows the open part holds.
            Assert.InRange(chunks, 1, (records.Count / BatchApplier.BatchSize) + 1);
            Assert.True(rows >= 100, $"{type}: the open part holds only {rows} rows");
        }
    }

    private static SortedDictionary<string, string> ClosedFiles(string data)
    {
        var exports = Path.Combine(data, "exports");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(exports, "*.parquet", SearchOption.AllDirectories).Where(f => !f.EndsWith("-open.parquet", StringComparison.Ordinal)))
        {
            files[Path.GetRelativePath(exports, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return files;
    }
}
