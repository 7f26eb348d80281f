using Parquet;
using Parquet.Schema;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>
/// Parquet.Net's own reader, the third independent reader of the exports: rows of plain values (bool, int, long,
/// double, string, long microseconds for timestamps, double?[] for lists, null), rebuilt from each column's values and
/// definition and repetition levels, so a null list, an empty list and a null element stay distinct.
/// </summary>
public static class ParquetNetReader
{
    public static (IReadOnlyList<string> Columns, List<object?[]> Rows) Read(string file) => ReadAsync(file).GetAwaiter().GetResult();

    private static async Task<(IReadOnlyList<string>, List<object?[]>)> ReadAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.Fields;
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new object?[fields.Count][];
            for (var c = 0; c < fields.Count; c++)
            {
                columns[c] = fields[c] switch
                {
                    ListField list => await ListColumn(group, (DataField)list.Item, count),
                    DataField data => await FlatColumn(group, data, count),
                    var other => throw new InvalidOperationException($"unexpected field {other}"),
                };
            }
            for (var r = 0; r < count; r++)
            {
                rows.Add([.. columns.Select(column => column[r])]);
            }
        }
        return ([.. fields.Select(f => f.Name)], rows);
    }

    private static async Task<object?[]> FlatColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory());
            return [.. strings];
        }
        return field.ClrType switch
        {
            var t when t == typeof(bool) => await Values<bool>(group, field, count, v => v),
            var t when t == typeof(int) => await Values<int>(group, field, count, v => v),
            var t when t == typeof(long) => await Values<long>(group, field, count, v => v),
            var t when t == typeof(double) => await Values<double>(group, field, count, v => v),
            var t when t == typeof(DateTime) => await Values<DateTime>(group, field, count, v => (v.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond),
            var t => throw new InvalidOperationException($"unexpected column type {t}"),
        };
    }

    private static async Task<object?[]> Values<T>(ParquetRowGroupReader group, DataField field, int count, Func<T, object> box)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory());
            return [.. nullable.Select(v => v is { } value ? box(value) : null)];
        }
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory());
        return [.. values.Select(box)];
    }

    private static async Task<object?[]> ListColumn(ParquetRowGroupReader group, DataField element, int count)
    {
        var slots = checked((int)(group.GetMetadata(element)?.MetaData?.NumValues ?? 0));
        var values = new double[slots];
        var definitions = new int[slots];
        var repetitions = new int[slots];
        await group.ReadRawAsync(element, values.AsMemory(), definitions.AsMemory(), repetitions.AsMemory());
        var rows = new List<object?>(count);
        List<double?>? current = null;
        var next = 0;
        for (var i = 0; i < slots; i++)
        {
            if (repetitions[i] == 0)
            {
                if (i > 0)
                {
                    rows.Add(current?.ToArray());
                }
                current = definitions[i] == 0 ? null : [];
            }
            if (definitions[i] == element.MaxDefinitionLevel)
            {
                current!.Add(values[next++]);
            }
            else if (definitions[i] == element.MaxDefinitionLevel - 1)
            {
                current!.Add(null);
            }
        }
        if (slots > 0)
        {
            rows.Add(current?.ToArray());
        }
        return [.. rows];
    }
}
