namespace Vectra.Projections.Parquet;

/// <summary>The ordered columns of a Parquet file; column names are unique.</summary>
public sealed class ParquetSchema
{
    /// <summary>Builds a schema from its columns, in file order.</summary>
    public ParquetSchema(params IEnumerable<ParquetColumn> columns)
    {
        Columns = [.. columns];
        if (Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet schema needs at least one column.", nameof(columns));
        }
        var duplicate = Columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column name '{duplicate.Key}' appears more than once.", nameof(columns));
        }
        if (Columns.Any(c => string.IsNullOrEmpty(c.Name)))
        {
            throw new ArgumentException("Every column needs a name.", nameof(columns));
        }
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>The position of the named column; throws when the schema has no such column.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"The schema has no column '{name}'.", nameof(name));
    }
}
