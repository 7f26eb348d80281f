using Microsoft.Data.Sqlite;
using Vectra.Runner.Bench;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// A data folder whose views.db, made by the real rugs projection, lists many games: complete ones with their price
/// paths, some seen only live, and some with values missing (a history entry without a timestamp, rug tick or peak; a
/// live row without times or a rug tick; a complete game never seen live), with every verdict.
/// </summary>
public abstract class GamesViews(int games) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string Data => _folder.File("data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        await ServeBenchGames.CreateAsync(Data, games);
        using var views = OpenViews(readOnly: false);
        foreach (var sql in new[]
        {
            "UPDATE complete_games SET ended_at = NULL WHERE rowid % 41 = 0",
            "UPDATE complete_games SET rug_tick = NULL, peak_multiplier = NULL WHERE rowid % 43 = 0",
            "UPDATE complete_games SET fairness = 'price_mismatch' WHERE rowid % 13 = 0",
            "UPDATE complete_games SET fairness = 'hash_mismatch' WHERE rowid % 17 = 0",
            "UPDATE complete_games SET fairness = 'unverifiable' WHERE rowid % 19 = 0",
            "UPDATE games SET rugged_at = NULL WHERE rowid % 5 = 0",
            "UPDATE games SET rugged_at = NULL, started_at = NULL, cooldown_at = NULL WHERE rowid % 47 = 0",
            "UPDATE games SET rug_tick = NULL, peak_observed = NULL WHERE rowid % 53 = 0",
            "DELETE FROM games WHERE rowid % 59 = 0",
        })
        {
            using var command = views.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A connection to the views.db the pages read.</summary>
    public SqliteConnection OpenViews(bool readOnly = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Data, "views.db"),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>2,000 games: 40 pages to list in full.</summary>
public sealed class ManyGamesViews() : GamesViews(2_000);

/// <summary>6,000 games, whose price paths take about 20 MB.</summary>
public sealed class ThousandsOfGamesViews() : GamesViews(6_000);
