namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>LogicalType</c> union, the members this writer needs: 1 STRING, 3 LIST,
/// 8 TIMESTAMP {1 isAdjustedToUTC, 2 unit: union {2 MICROS}}, 10 INTEGER {1 bitWidth: i8, 2 isSigned}.
/// </summary>
internal abstract record LogicalType
{
    public abstract void WriteAsField(CompactWriter writer, short id);

    /// <summary>UTF-8 text in a BYTE_ARRAY.</summary>
    public sealed record String : LogicalType
    {
        public override void WriteAsField(CompactWriter writer, short id)
        {
            writer.StructField(id);
            EmptyStructField(writer, 1);
            writer.EndStruct();
        }
    }

    /// <summary>The annotation of the outer group of a three-level list.</summary>
    public sealed record List : LogicalType
    {
        public override void WriteAsField(CompactWriter writer, short id)
        {
            writer.StructField(id);
            EmptyStructField(writer, 3);
            writer.EndStruct();
        }
    }

    /// <summary>Microseconds since the Unix epoch, adjusted to UTC.</summary>
    public sealed record TimestampMicrosUtc : LogicalType
    {
        public override void WriteAsField(CompactWriter writer, short id)
        {
            writer.StructField(id);
            writer.StructField(8);
            writer.BoolField(1, true);
            writer.StructField(2);
            EmptyStructField(writer, 2);
            writer.EndStruct();
            writer.EndStruct();
            writer.EndStruct();
        }
    }

    /// <summary>A signed integer of the given width.</summary>
    public sealed record SignedInteger(sbyte BitWidth) : LogicalType
    {
        public override void WriteAsField(CompactWriter writer, short id)
        {
            writer.StructField(id);
            writer.StructField(10);
            writer.ByteField(1, BitWidth);
            writer.BoolField(2, true);
            writer.EndStruct();
            writer.EndStruct();
        }
    }

    private static void EmptyStructField(CompactWriter writer, short id)
    {
        writer.StructField(id);
        writer.EndStruct();
    }
}
