using Vectra.Journal.Storage;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A raw INSERT of one or more rows of <c>columns</c> positional parameters each (<c>?1</c> is the first row's first
/// column), bound by type without boxing. Bindings are kept between runs, so a string that is the same instance as last
/// time in the same place (a game id, row after row) is not encoded and copied again.
/// </summary>
internal sealed class BoundRows(Statement statement, int columns)
{
    private string?[] _strings = new string?[columns + 1];

    public void Text(int row, int column, string? value)
    {
        var index = (row * columns) + column + 1;
        if (index >= _strings.Length)
        {
            Array.Resize(ref _strings, Math.Max(index + 1, _strings.Length * 2));
        }
        if (value is not null && ReferenceEquals(_strings[index], value))
        {
            return;
        }
        statement.Bind(index, value);
        _strings[index] = value;
    }

    public void Integer(int row, int column, long value) => statement.Bind((row * columns) + column + 1, value);

    public void Integer(int row, int column, long? value)
    {
        if (value is { } known)
        {
            Integer(row, column, known);
            return;
        }
        statement.BindNull((row * columns) + column + 1);
    }

    public void Real(int row, int column, double value) => statement.Bind((row * columns) + column + 1, value);

    public void Real(int row, int column, double? value)
    {
        if (value is { } known)
        {
            Real(row, column, known);
            return;
        }
        statement.BindNull((row * columns) + column + 1);
    }

    /// <summary>Runs the statement with what is bound now, keeping the bindings.</summary>
    public void Execute() => statement.Execute(keepBindings: true);
}
