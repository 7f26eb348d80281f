using System.Text;
using Vectra.Projections.Exports.Csv;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Player;

/// <summary>
/// <c>player_trades.csv</c> (part of <c>vectra export csv</c>): per authenticated session, player and game, the
/// player's own trades (<c>player_fills</c>) with the realised PnL of the game at average cost. Written through
/// <see cref="DurableFile"/>: whole or not at all.
/// </summary>
public static class PlayerTradesCsv
{
    /// <summary>The file's header.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["session_id", "player_id", "game_id", "first_trade_time", "buys", "sells", "sol_in", "sol_out", "open_qty", "realised_pnl_sol"];

    /// <summary>Writes <c>player_trades.csv</c> into <paramref name="outputDirectory"/>; returns the rows written.</summary>
    public static int Write(string dataDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var games = new List<PlayerGameTrades>();
        using (var views = ViewsDatabase.OpenReadOnly(dataDirectory))
        using (var command = views.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('player_fills', 'player_sessions')";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) < 2)
            {
                throw new InvalidOperationException("views.db has no player tables yet: run `vectra project` with this version first.");
            }
            command.CommandText = """
                SELECT f.session, s.player_id, f.game_id, f.meta_ts, f.type, f.amount, f.qty
                FROM player_fills f JOIN player_sessions s ON s.session = f.session
                WHERE f.game_id IS NOT NULL AND f.amount IS NOT NULL AND f.qty IS NOT NULL
                ORDER BY f.session, f.game_id, f.meta_seq
                """;
            using var reader = command.ExecuteReader();
            PlayerGameTrades? game = null;
            while (reader.Read())
            {
                var (session, gameId) = (reader.GetString(0), reader.GetString(2));
                if (game is null || game.Session != session || game.GameId != gameId)
                {
                    game = new PlayerGameTrades(session, reader.IsDBNull(1) ? "" : reader.GetString(1), gameId, reader.GetInt64(3));
                    games.Add(game);
                }
                game.Add(reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6));
            }
        }
        using var file = new DurableFile(Path.Combine(outputDirectory, "player_trades.csv"));
        using (var output = new StreamWriter(file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            var line = new CsvLine();
            foreach (var name in Columns)
            {
                line.Add(name);
            }
            output.Write(line.End());
            foreach (var g in games.OrderBy(g => g.FirstAt).ThenBy(g => g.Session, StringComparer.Ordinal).ThenBy(g => g.GameId, StringComparer.Ordinal))
            {
                output.Write(line.Add(g.Session).Add(g.PlayerId).Add(g.GameId).AddTime(g.FirstAt).Add((long)g.Buys).Add((long)g.Sells)
                    .Add(Math.Round(g.SolIn, 9)).Add(Math.Round(g.SolOut, 9)).Add(Math.Round(g.OpenQty, 9)).Add(Math.Round(g.RealisedPnl, 9)).End());
            }
        }
        file.Commit();
        return games.Count;
    }
}
