using Microsoft.Data.Sqlite;

namespace Vectra.Journal.Storage;

/// <summary>Runs one SQL statement that returns nothing (a pragma, a schema change), for the journal, views.db and the benchmarks alike.</summary>
public static class SqliteExecution
{
    /// <summary>Executes <paramref name="sql"/> on <paramref name="connection"/>, inside <paramref name="transaction"/> when one is given.</summary>
    public static void Execute(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
