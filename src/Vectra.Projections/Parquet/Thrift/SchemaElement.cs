using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>SchemaElement</c>: 1 type, 3 repetition_type, 4 name, 5 num_children,
/// 6 converted_type, 10 logicalType. The schema is the depth-first list of these elements.
/// </summary>
internal sealed record SchemaElement(
    string Name,
    PhysicalType? Type = null,
    FieldRepetition? Repetition = null,
    int? NumChildren = null,
    ConvertedType? Converted = null,
    LogicalType? Logical = null)
{
    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        if (Type is { } type)
        {
            writer.I32Field(1, (int)type);
        }
        if (Repetition is { } repetition)
        {
            writer.I32Field(3, (int)repetition);
        }
        writer.StringField(4, Name);
        if (NumChildren is { } children)
        {
            writer.I32Field(5, children);
        }
        if (Converted is { } converted)
        {
            writer.I32Field(6, (int)converted);
        }
        Logical?.WriteAsField(writer, 10);
        writer.EndStruct();
    }
}
