using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Projections.Runtime;

/// <summary>The open views.db transaction a projection writes in, with prepared commands reused across records.</summary>
public sealed class ViewsTransaction
{
    private readonly PreparedStatements _prepared;

    internal ViewsTransaction(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements prepared, ViewsFiles files)
    {
        Files = files;
        Connection = connection;
        Transaction = transaction;
        _prepared = prepared;
    }

    /// <summary>Where views.db and the exports live.</summary>
    public ViewsFiles Files { get; }

    /// <summary>The views.db connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The transaction every write belongs to.</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>A command for <paramref name="sql"/>, prepared once and reused; parameters keep their last values.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _prepared.Command(sql);
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with named parameters given as (name, value) pairs. A parameterized
    /// statement runs prepared once and bound by position (the hot path); SQL without parameters
    /// (schema changes, possibly several statements) runs as a command.
    /// </summary>
    public void Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (parameters.Length == 0)
        {
            Command(sql).ExecuteNonQuery();
            return;
        }
        _prepared.Statement(sql).Run(parameters);
    }

    /// <summary>Runs a query and returns its first column of the first row, or null.</summary>
    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = Command(sql);
        Bind(command, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>.</summary>
    public void Query(string sql, Action<SqliteDataReader> row, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = Command(sql);
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>
    /// Runs a query prepared once as a raw statement and hands <paramref name="row"/> the statement on each row: reading
    /// columns this way skips the data reader's per-value work (rows copied into export tails, several per record).
    /// The statement must not be run again from inside <paramref name="row"/>.
    /// </summary>
    public void QueryRows(string sql, Action<Statement> row, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        _prepared.Statement(sql).Query(parameters, row);

    /// <summary>
    /// A raw INSERT of rows of <paramref name="columns"/> positional parameters each, prepared once and bound by type
    /// (tick and trade rows written many to a statement).
    /// </summary>
    internal BoundRows Rows(string sql, int columns) => _prepared.Rows(sql, columns);

    /// <summary>Binds by position: a statement is always called with its parameters in the same order, so no name lookup is needed.</summary>
    private static void Bind(SqliteCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var bound = command.Parameters;
        if (bound.Count != parameters.Length || (parameters.Length > 0 && !ReferenceEquals(bound[0].ParameterName, parameters[0].Name) && bound[0].ParameterName != parameters[0].Name))
        {
            bound.Clear();
            foreach (var (name, value) in parameters)
            {
                bound.AddWithValue(name, value ?? DBNull.Value);
            }
            return;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            bound[i].Value = parameters[i].Value ?? DBNull.Value;
        }
    }
}
