namespace Vectra.Projections.Runtime;

/// <summary>
/// Rows waiting to be inserted into one table, written in the order they came: <paramref name="rowsPerStatement"/> rows
/// to a statement, the remainder one to a statement. One statement per row cost more in its call and binding than in
/// SQLite. <paramref name="row"/> gives one row's VALUES text from its first parameter number; <paramref name="bind"/>
/// binds a row's values at a row index.
/// </summary>
internal sealed class PendingInserts<T>(string head, string tail, int columns, int rowsPerStatement, Func<int, string> row, Action<BoundRows, int, T> bind)
{
    private readonly string _manySql = head + RowValues.Of(rowsPerStatement, columns, row) + tail;
    private readonly string _oneSql = head + RowValues.Of(1, columns, row) + tail;
    private readonly List<T> _rows = [];

    public int Count => _rows.Count;

    public void Add(T pending) => _rows.Add(pending);

    /// <summary>Writes every pending row, in order, and forgets them.</summary>
    public void WriteOut(ViewsTransaction views)
    {
        var whole = _rows.Count - (_rows.Count % rowsPerStatement);
        if (whole > 0)
        {
            var many = views.Rows(_manySql, columns);
            for (var start = 0; start < whole; start += rowsPerStatement)
            {
                for (var index = 0; index < rowsPerStatement; index++)
                {
                    bind(many, index, _rows[start + index]);
                }
                many.Execute();
            }
        }
        if (whole < _rows.Count)
        {
            var one = views.Rows(_oneSql, columns);
            for (var i = whole; i < _rows.Count; i++)
            {
                bind(one, 0, _rows[i]);
                one.Execute();
            }
        }
        _rows.Clear();
    }

    public void Clear() => _rows.Clear();
}
