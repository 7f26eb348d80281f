using System.Diagnostics.CodeAnalysis;

namespace Vectra.Projections.Exports.Writing;

/// <summary>The value types an export column can hold, each with the Parquet physical and logical type it is written as.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Parquet types' own names.")]
public enum ExportColumnType
{
    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT32 with the signed INT(32) logical type.</summary>
    Int32,

    /// <summary>INT64 with the signed INT(64) logical type.</summary>
    Int64,

    /// <summary>IEEE 754 DOUBLE.</summary>
    Double,

    /// <summary>UTF-8 text: BYTE_ARRAY with the STRING logical type.</summary>
    String,

    /// <summary>TIMESTAMP(MICROS, isAdjustedToUTC=true) on INT64: microseconds since the Unix epoch.</summary>
    Timestamp,

    /// <summary>LIST&lt;DOUBLE&gt; in the standard three-level form; elements may be null.</summary>
    DoubleList,
}
