using System.Security.Cryptography;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Player;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Exports;
using Vectra.Projections.Tests.Rugs;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// <c>doc_type=player_action</c> and <c>doc_type=server_state</c> of a <c>simulate --player</c> session crossing a UTC
/// midnight (also with duplicated extended emissions and reordered frames), with a small row limit so both close files
/// by day and by size: DuckDB, hyparquet and Parquet.Net read every file alike, every views.db row is exported once and
/// equal, and a rebuild rewrites every closed file byte for byte.
/// </summary>
public sealed class PlayerExportTests
{
    private static SimulationOptions Options(string faults) =>
        new(16, 29, new DateTimeOffset(2025, 12, 31, 23, 52, 0, TimeSpan.Zero), SimulationFaults.Parse(faults), SimulatedPlayer.Id);

    private static ExportOptions Small => new(6, TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData("")]
    [InlineData("dup-extended,out-of-order,gap:2")]
    public async Task Player_exports_equal_views_db_and_a_rebuild_rewrites_them_byte_for_byte(string faults)
    {
        using var folder = new TempFolder();
        var data = folder.Path;
        await ProjectionHarness.JournalAsync(data, SimulatedPlayer.Records(Options(faults)));
        using (var runner = ProjectionRunner.Open(data, ProjectionCatalog.All(Small)))
        {
            runner.CatchUp();
        }
        Assert.Empty(ProjectionStates.Quarantined(data));

        var states = ExportedRows.Read(data, "server_state", ServerStateExport.Columns, 10);
        states.AssertEqualToViews(data,
            "SELECT session, player_id, cash, position_qty, avg_cost, cumulative_pnl, total_invested, sidebet_pnl, bonus_balance, pnl_percent, meta_seq, meta_ts FROM player_state",
            ServerStateExport.Columns, 10);
        var actions = ExportedRows.Read(data, "player_action", PlayerActionExport.Columns, 0, 1, 21);
        actions.AssertEqualToViews(data,
            SimulatedPlayer.ActionRowsQuery,
            PlayerActionExport.Columns, 0, 1, 21);
        Assert.Contains(actions.Files, f => f.Contains("date=2025-12-31", StringComparison.Ordinal));
        Assert.Contains(actions.Files, f => f.Contains("date=2026-01-01", StringComparison.Ordinal));

        var closed = ClosedFiles(data);
        Assert.True(closed.Keys.Count(k => k.StartsWith("doc_type=server_state", StringComparison.Ordinal)) >= 2, string.Join(", ", closed.Keys));
        Assert.True(closed.Keys.Count(k => k.StartsWith("doc_type=player_action", StringComparison.Ordinal)) >= 2, string.Join(", ", closed.Keys));
        using (var runner = ProjectionRunner.Open(data, ProjectionCatalog.All(Small)))
        {
            runner.Reset();
            runner.CatchUp();
        }
        Assert.Equal(closed, ClosedFiles(data));
    }

    private static SortedDictionary<string, string> ClosedFiles(string data)
    {
        var exports = Path.Combine(data, "exports");
        return new SortedDictionary<string, string>(
            Directory.EnumerateFiles(exports, "*.parquet", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("-open.parquet", StringComparison.Ordinal))
                .Where(f => f.Contains("doc_type=player_action", StringComparison.Ordinal) || f.Contains("doc_type=server_state", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(exports, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
    }
}
