using System.Diagnostics.CodeAnalysis;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// One named, typed column of an export file; a nullable column may hold nulls (for lists: null lists). A
/// <see cref="Dictionary"/> string column is dictionary-encoded: worth it for values that repeat (game ids, event names,
/// usernames), a waste for values that do not (trade ids, payloads).
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Parquet types' own names.")]
public sealed record ExportColumn(string Name, ExportColumnType Type, bool Nullable = false, bool Dictionary = false)
{
    /// <summary>A BOOLEAN column.</summary>
    public static ExportColumn Boolean(string name, bool nullable = false) => new(name, ExportColumnType.Boolean, nullable);

    /// <summary>A signed 32-bit integer column.</summary>
    public static ExportColumn Int32(string name, bool nullable = false) => new(name, ExportColumnType.Int32, nullable);

    /// <summary>A signed 64-bit integer column.</summary>
    public static ExportColumn Int64(string name, bool nullable = false) => new(name, ExportColumnType.Int64, nullable);

    /// <summary>A DOUBLE column.</summary>
    public static ExportColumn Double(string name, bool nullable = false) => new(name, ExportColumnType.Double, nullable);

    /// <summary>A UTF-8 string column whose values seldom repeat (written PLAIN).</summary>
    public static ExportColumn String(string name, bool nullable = false) => new(name, ExportColumnType.String, nullable);

    /// <summary>A UTF-8 string column whose values repeat (dictionary-encoded).</summary>
    public static ExportColumn RepeatedString(string name, bool nullable = false) => new(name, ExportColumnType.String, nullable, Dictionary: true);

    /// <summary>A UTC timestamp column in microseconds.</summary>
    public static ExportColumn Timestamp(string name, bool nullable = false) => new(name, ExportColumnType.Timestamp, nullable);

    /// <summary>A LIST&lt;DOUBLE&gt; column.</summary>
    public static ExportColumn DoubleList(string name, bool nullable = false) => new(name, ExportColumnType.DoubleList, nullable);
}
