using Parquet.Schema;

namespace Vectra.Projections.Exports.Writing;

/// <summary>The ordered columns of an export file; column names are unique.</summary>
public sealed class ExportSchema
{
    /// <summary>Builds a schema from its columns, in file order.</summary>
    public ExportSchema(params IEnumerable<ExportColumn> columns)
    {
        Columns = [.. columns];
        if (Columns.Count == 0)
        {
            throw new ArgumentException("An export schema needs at least one column.", nameof(columns));
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
        if (Columns.FirstOrDefault(c => c.Type == ExportColumnType.DoubleList && !c.Nullable) is { } list)
        {
            // Parquet.Net declares every LIST optional; saying otherwise here would describe a file it does not write.
            throw new ArgumentException($"List column '{list.Name}' must be nullable.", nameof(columns));
        }
        Fields = [.. Columns.Select(FieldOf)];
        Parquet = new ParquetSchema(Fields);
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The Parquet.Net schema the files are written with.</summary>
    internal ParquetSchema Parquet { get; }

    /// <summary>Parquet.Net's field of each column, in file order.</summary>
    internal IReadOnlyList<Field> Fields { get; }

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

    private static Field FieldOf(ExportColumn column) => column.Type switch
    {
        ExportColumnType.Boolean => new DataField<bool>(column.Name, column.Nullable),
        ExportColumnType.Int32 => new DataField<int>(column.Name, column.Nullable),
        ExportColumnType.Int64 => new DataField<long>(column.Name, column.Nullable),
        ExportColumnType.Double => new DataField<double>(column.Name, column.Nullable),
        ExportColumnType.String => new DataField<string>(column.Name, column.Nullable),
        ExportColumnType.Timestamp => new DateTimeDataField(
            column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: column.Nullable),
        ExportColumnType.DoubleList => new ListField(column.Name, new DataField<double>(ListField.ElementName, true)),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "no Parquet field for this type"),
    };
}
