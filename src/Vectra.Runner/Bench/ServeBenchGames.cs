using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Storage;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Bench;

/// <summary>
/// A data folder whose views.db lists many games: a simulated session is projected by the real rugs projection (so
/// views.db has its schema and indexes), then its <c>games</c> and <c>complete_games</c> rows are cloned under new ids
/// until each table holds the number asked for. Each <c>complete_games</c> row keeps its ~3.3 KB price path.
/// </summary>
internal static class ServeBenchGames
{
    private const int SimulatedGames = 30;

    /// <summary>Fills <paramref name="folder"/>; returns the id of a game with the most ticks.</summary>
    public static async Task<string> CreateAsync(string folder, int games)
    {
        using (var writer = JournalWriter.Open(folder, Durability.None))
        {
            foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(SimulatedGames, 1)).Chunk(4000))
            {
                await writer.AppendExactAsync(chunk);
            }
        }
        using (var runner = ProjectionRunner.Open(folder, [.. ProjectionCatalog.All().Where(p => p.Name == "rugs")]))
        {
            runner.CatchUp();
        }
        return Clone(folder, games);
    }

    private static string Clone(string folder, int games)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = new ViewsFiles(folder).Database, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "complete_games", "games" })
        {
            var columns = Columns(connection, table);
            var select = string.Join(", ", columns.Select(c => c == "game_id" ? "g.game_id || '-' || printf('%05d', k.n)" : $"g.{c}"));
            var existing = Count(connection, table);
            var copies = (games + existing - 1) / existing;
            connection.Execute($"""
                WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {copies})
                INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {select} FROM {table} g, k
                """, transaction);
            connection.Execute($"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT (SELECT count(*) - {games} FROM {table}))", transaction);
        }
        transaction.Commit();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT game_id FROM ticks GROUP BY game_id ORDER BY count(*) DESC LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
