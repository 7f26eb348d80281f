using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Reading;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Csv;

/// <summary>
/// <c>vectra export csv</c>: <c>games_summary.csv</c> (one row per completed game) and <c>sidebets_detailed.csv</c> (one
/// row per distinct sidebet, with its game) from views.db, in the columns of the original exports (docs/architecture.md §6.5),
/// but with the real win rule: won iff rug tick ≤ start tick + 40 (the original's <c>peak ≥ xPayout</c> was wrong).
/// <c>rugged</c> is true when the game's rug tick is known and empty when it is not (a game whose prices never
/// arrived). Each file is written through <see cref="DurableFile"/>: whole or not at all, fsynced before its rename.
/// </summary>
public static class CsvExport
{
    /// <summary>The games file's header.</summary>
    public static readonly IReadOnlyList<string> GamesColumns =
        ["game_id", "timestamp", "game_version", "rugged", "peak_multiplier", "sidebet_count", "tick_count", "server_seed_hash", "capture_time", "session_id"];

    /// <summary>The sidebets file's header.</summary>
    public static readonly IReadOnlyList<string> SidebetsColumns =
        ["game_id", "game_timestamp", "game_peak_multiplier", "game_tick_count", "game_rugged", "player_id", "username", "bet_amount_sol",
            "target_multiplier", "entry_tick", "exit_tick", "duration_ticks", "won", "payout_sol", "profit_sol"];

    /// <summary>Writes both files into <paramref name="outputDirectory"/>; returns (games, sidebets) rows written.</summary>
    public static (int Games, int Sidebets) Write(string dataDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        using var views = ViewsDatabase.OpenReadOnly(dataDirectory);
        using var journal = JournalReader.Open(dataDirectory);
        var games = WriteFile(Path.Combine(outputDirectory, "games_summary.csv"), GamesColumns, views, """
            SELECT game_id, ended_at, game_version, peak_multiplier, sidebet_count, prices, server_seed_hash, meta_ts, first_seq, rug_tick
            FROM complete_games ORDER BY ended_at, game_id
            """, (r, line) => line.Add(r.GetString(0)).AddTime(Long(r, 1)).Add(Text(r, 2)).Add(Rugged(r, 9)).Add(Double(r, 3)).Add(r.GetInt64(4))
                .Add(TickCount(r, 5)).Add(Text(r, 6)).AddTime(r.GetInt64(7)).Add(journal.ReadOne(r.GetInt64(8))?.Session.ToString()));
        var sidebets = WriteFile(Path.Combine(outputDirectory, "sidebets_detailed.csv"), SidebetsColumns, views, """
            SELECT s.game_id, c.ended_at, c.peak_multiplier, c.prices, s.player_id, s.username, s.bet_amount, s.x_payout, s.start_tick, s.end_tick,
                s.won, s.payout, s.profit, c.rug_tick
            FROM sidebets s JOIN complete_games c ON c.game_id = s.game_id ORDER BY c.ended_at, s.game_id, s.player_id, s.start_tick
            """, (r, line) => line.Add(r.GetString(0)).AddTime(Long(r, 1)).Add(Double(r, 2)).Add(TickCount(r, 3)).Add(Rugged(r, 13)).Add(r.GetString(4))
                .Add(Text(r, 5)).Add(r.GetDouble(6)).Add(r.GetDouble(7)).Add(r.GetInt64(8)).Add(r.GetInt64(9)).Add(r.GetInt64(9) - r.GetInt64(8))
                .Add(r.IsDBNull(10) ? null : r.GetInt64(10) != 0).Add(Double(r, 11)).Add(Double(r, 12)));
        return (games, sidebets);
    }

    private static int WriteFile(string path, IReadOnlyList<string> header, SqliteConnection views, string sql, Action<SqliteDataReader, CsvLine> row)
    {
        var rows = 0;
        using var file = new DurableFile(path);
        using (var output = new StreamWriter(file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            var line = new CsvLine();
            foreach (var name in header)
            {
                line.Add(name);
            }
            output.Write(line.End());
            using var command = views.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader, line);
                output.Write(line.End());
                rows++;
            }
        }
        file.Commit();
        return rows;
    }

    /// <summary>A game rugged when its rug tick is known; unknown (empty) when it is not.</summary>
    private static bool? Rugged(SqliteDataReader r, int rugTick) => r.IsDBNull(rugTick) ? null : true;

    /// <summary>tick_count as the original defined it: the length of the game's prices (rug tick + 1); empty without prices.</summary>
    private static long? TickCount(SqliteDataReader r, int i)
    {
        if (r.IsDBNull(i))
        {
            return null;
        }
        using var prices = JsonDocument.Parse(r.GetString(i));
        return prices.RootElement.GetArrayLength();
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static double? Double(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
