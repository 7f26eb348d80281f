using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Projections.Runtime;

/// <summary>
/// The views.db statements a runner has prepared, kept for its lifetime: parameterized writes as raw
/// <see cref="Statement"/>s bound by position (the hot path), everything else as commands.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private readonly Dictionary<string, ParameterizedStatement> _statements = [];
    private readonly Dictionary<string, (Statement Statement, BoundRows Rows)> _rows = [];

    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        return command;
    }

    public ParameterizedStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new ParameterizedStatement(new Statement(connection, sql));
            _statements[sql] = statement;
        }
        return statement;
    }

    /// <summary>A raw INSERT of rows of <paramref name="columns"/> positional parameters, prepared once.</summary>
    public BoundRows Rows(string sql, int columns)
    {
        if (!_rows.TryGetValue(sql, out var prepared))
        {
            var statement = new Statement(connection, sql);
            prepared = (statement, new BoundRows(statement, columns));
            _rows[sql] = prepared;
        }
        return prepared.Rows;
    }

    public void Dispose()
    {
        foreach (var (statement, _) in _rows.Values)
        {
            statement.Dispose();
        }
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
    }
}

/// <summary>A raw statement with the positions of its named parameters, looked up once per call site's name order.</summary>
internal sealed class ParameterizedStatement(Statement statement) : IDisposable
{
    private string[] _names = [];
    private int[] _positions = [];
    private object?[] _bound = [];

    public void Run(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Bind(parameters);
        statement.Execute(keepBindings: true);
    }

    /// <summary>Runs the statement as a query, handing <paramref name="row"/> the statement on each result row.</summary>
    public void Query(ReadOnlySpan<(string Name, object? Value)> parameters, Action<Statement> row)
    {
        Bind(parameters);
        try
        {
            while (statement.Step())
            {
                row(statement);
            }
        }
        finally
        {
            statement.Reset(keepBindings: true);
        }
    }

    private void Bind(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!SameNames(parameters))
        {
            _names = new string[parameters.Length];
            _positions = new int[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                _names[i] = parameters[i].Name;
                _positions[i] = statement.IndexOf(parameters[i].Name);
            }
            _bound = new object?[parameters.Length];
            // Bindings are kept between runs; another set of names must not inherit the last one's values.
            statement.Reset();
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = parameters[i].Value;
            // The same string instance as last time (a game id, tick after tick) is still bound: SQLite keeps
            // bindings across runs, and re-encoding it is most of the cost of a small insert.
            if (value is string && ReferenceEquals(value, _bound[i]))
            {
                continue;
            }
            statement.BindValue(_positions[i], value);
            _bound[i] = value as string;
        }
    }

    private bool SameNames(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (parameters.Length != _names.Length)
        {
            return false;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!ReferenceEquals(_names[i], parameters[i].Name) && _names[i] != parameters[i].Name)
            {
                return false;
            }
        }
        return true;
    }

    public void Dispose() => statement.Dispose();
}
