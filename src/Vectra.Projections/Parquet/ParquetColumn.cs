using System.Diagnostics.CodeAnalysis;

namespace Vectra.Projections.Parquet;

/// <summary>One named, typed column of a Parquet schema; a nullable column may hold nulls (for lists: null lists).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Parquet types' own names.")]
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool Nullable = false)
{
    /// <summary>A BOOLEAN column.</summary>
    public static ParquetColumn Boolean(string name, bool nullable = false) => new(name, ParquetColumnType.Boolean, nullable);

    /// <summary>A signed 32-bit integer column.</summary>
    public static ParquetColumn Int32(string name, bool nullable = false) => new(name, ParquetColumnType.Int32, nullable);

    /// <summary>A signed 64-bit integer column.</summary>
    public static ParquetColumn Int64(string name, bool nullable = false) => new(name, ParquetColumnType.Int64, nullable);

    /// <summary>A DOUBLE column.</summary>
    public static ParquetColumn Double(string name, bool nullable = false) => new(name, ParquetColumnType.Double, nullable);

    /// <summary>A UTF-8 string column.</summary>
    public static ParquetColumn String(string name, bool nullable = false) => new(name, ParquetColumnType.String, nullable);

    /// <summary>A UTC timestamp column in microseconds.</summary>
    public static ParquetColumn Timestamp(string name, bool nullable = false) => new(name, ParquetColumnType.Timestamp, nullable);

    /// <summary>A LIST&lt;DOUBLE&gt; column.</summary>
    public static ParquetColumn DoubleList(string name, bool nullable = false) => new(name, ParquetColumnType.DoubleList, nullable);
}
