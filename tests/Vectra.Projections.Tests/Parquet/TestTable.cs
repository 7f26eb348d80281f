using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>
/// A table to write and read back: a schema and rows of plain values (bool, int, long, double, string,
/// long microseconds for timestamps, double?[] for lists, null).
/// </summary>
public sealed record TestTable(ExportSchema Schema, IReadOnlyList<object?[]> Rows)
{
    public byte[] ToParquet(ExportWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, options);
        return stream.ToArray();
    }

    public void WriteTo(Stream stream, ExportWriterOptions? options = null)
    {
        using var writer = new ExportFileWriter(stream, Schema, options);
        foreach (var row in Rows)
        {
            writer.WriteRow(row);
        }
        writer.Finish();
    }

    public override string ToString() =>
        $"{Rows.Count} rows of ({string.Join(", ", Schema.Columns.Select(c => $"{c.Name} {c.Type}{(c.Nullable ? "?" : "")}"))})";
}
