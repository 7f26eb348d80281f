using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// Writes rows to a Parquet file on a stream with Parquet.Net: set each column of a row with the typed <c>Write…</c>
/// methods (or pass a whole row to <see cref="WriteRow"/>), close it with <see cref="EndRow"/>, and call
/// <see cref="Finish"/> once to write the footer. Columns left unset in a row are null. Rows are buffered by column
/// and handed to Parquet.Net a row group at a time (<see cref="ExportWriterOptions"/> bounds a group); the file holds no
/// clock value, so the same rows and options always give the same bytes.
/// </summary>
/// <remarks>
/// Failure policy: any error (I/O, a value the column cannot hold) propagates and leaves the file unfinished and
/// unreadable; the caller discards it (<see cref="Files.DurableFile"/> deletes its temporary). Nothing is retried.
/// </remarks>
public sealed class ExportFileWriter : IDisposable
{
    // The µs range of DateTime (years 1 to 9999), which is what Parquet.Net takes timestamps as.
    private const long MinMicros = -62_135_596_800_000_000;
    private const long MaxMicros = 253_402_300_799_999_999;
    private readonly ExportSchema _schema;
    private readonly ExportWriterOptions _options;
    private readonly ParquetWriter _writer;
    private readonly ColumnBuffer[] _columns;
    private readonly DoubleListColumnBuffer[] _lists;
    private readonly CharArena _text = new();
    // The row each column was last set in: a stamp instead of a flag, so ending a row needs no reset loop.
    private readonly long[] _setAtRow;
    private int _setInRow;
    private int _rowsInGroup;
    private bool _finished;

    /// <summary>Starts a file on <paramref name="output"/> (which stays open).</summary>
    public ExportFileWriter(Stream output, ExportSchema schema, ExportWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        _options = options ?? new ExportWriterOptions();
        _options.Validate();
        _schema = schema;
        _columns = [.. schema.Fields.Select(BufferOf)];
        _lists = [.. _columns.OfType<DoubleListColumnBuffer>()];
        _setAtRow = new long[_columns.Length];
        Array.Fill(_setAtRow, -1L);
        _writer = ParquetWriter.CreateAsync(schema.Parquet, output, ParquetOptionsOf(schema, _options.Compression), append: false)
            .GetAwaiter().GetResult();
    }

    /// <summary>Rows ended so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Sets a BOOLEAN column of the current row.</summary>
    public void WriteBoolean(int column, bool value) => Values<bool>(column, ExportColumnType.Boolean).Append(value);

    /// <summary>Sets an INT32 column of the current row.</summary>
    public void WriteInt32(int column, int value) => Values<int>(column, ExportColumnType.Int32).Append(value);

    /// <summary>Sets an INT64 column of the current row.</summary>
    public void WriteInt64(int column, long value) => Values<long>(column, ExportColumnType.Int64).Append(value);

    /// <summary>Sets a DOUBLE column of the current row.</summary>
    public void WriteDouble(int column, double value) => Values<double>(column, ExportColumnType.Double).Append(value);

    /// <summary>Sets a STRING column of the current row.</summary>
    public void WriteString(int column, ReadOnlySpan<char> value) =>
        Values<ReadOnlyMemory<char>>(column, ExportColumnType.String).Append(_text.Add(value));

    /// <summary>Sets a STRING column of the current row from UTF-8 bytes.</summary>
    public void WriteUtf8(int column, ReadOnlySpan<byte> value) =>
        Values<ReadOnlyMemory<char>>(column, ExportColumnType.String).Append(_text.AddUtf8(value));

    /// <summary>Sets a TIMESTAMP column of the current row, in microseconds since the Unix epoch (UTC).</summary>
    public void WriteTimestampMicros(int column, long microsecondsSinceEpoch)
    {
        var buffer = Values<DateTime>(column, ExportColumnType.Timestamp);
        if (microsecondsSinceEpoch is < MinMicros or > MaxMicros)
        {
            throw new ArgumentOutOfRangeException(nameof(microsecondsSinceEpoch), microsecondsSinceEpoch,
                $"Column '{_schema.Columns[column].Name}': a timestamp outside the years 1 to 9999 cannot be exported.");
        }
        buffer.Append(new DateTime(DateTime.UnixEpoch.Ticks + (microsecondsSinceEpoch * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc));
    }

    /// <summary>Sets a LIST&lt;DOUBLE&gt; column of the current row.</summary>
    public void WriteDoubleList(int column, ReadOnlySpan<double> elements) => List(column).Append(elements);

    /// <summary>Sets a LIST&lt;DOUBLE&gt; column of the current row whose elements may be null.</summary>
    public void WriteDoubleList(int column, ReadOnlySpan<double?> elements) => List(column).Append(elements);

    /// <summary>Sets a nullable column of the current row to null (for a list: a null list).</summary>
    public void WriteNull(int column)
    {
        MarkSet(column);
        _columns[column].AppendNull();
    }

    /// <summary>Writes a whole row: one value per column in schema order, null for null.</summary>
    /// <remarks>
    /// Accepted values: bool; int; long; double; string; long microseconds, DateTime (UTC) or DateTimeOffset for
    /// timestamps; double[] or double?[] for lists.
    /// </remarks>
    public void WriteRow(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"A row has {_columns.Length} values, got {values.Length}.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            WriteValue(i, values[i]);
        }
        EndRow();
    }

    /// <summary>Completes the current row; unset nullable columns become null. Writes the row group once it is full.</summary>
    public void EndRow()
    {
        if (_setInRow != _columns.Length)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                if (_setAtRow[i] != RowCount)
                {
                    _columns[i].AppendNull();
                }
            }
        }
        _setInRow = 0;
        RowCount++;
        if (++_rowsInGroup >= _options.RowGroupRows || _text.Chars >= _options.RowGroupChars || ListSlots() >= _options.RowGroupListSlots)
        {
            WriteRowGroup();
        }
    }

    /// <summary>Writes the last row group and the footer, and flushes the stream. Call it exactly once.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_setInRow > 0)
        {
            throw new InvalidOperationException("The last row was started but not ended (call EndRow).");
        }
        if (_rowsInGroup > 0)
        {
            WriteRowGroup();
        }
        _finished = true;
        ReleaseBuffers();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Releases the buffers. Does not finish the file: an unfinished file has no footer and is unreadable.</summary>
    public void Dispose()
    {
        _finished = true;
        ReleaseBuffers();
    }

    /// <summary>Gives the text blocks back to their pool, for the next file's writer.</summary>
    private void ReleaseBuffers() => _text.Reset();

    private void WriteRowGroup()
    {
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                column.WriteAsync(rowGroup).GetAwaiter().GetResult();
            }
            rowGroup.CompleteValidate();
        }
        _text.Reset();
        _rowsInGroup = 0;
    }

    private int ListSlots()
    {
        var slots = 0;
        foreach (var list in _lists)
        {
            slots = Math.Max(slots, list.Slots);
        }
        return slots;
    }

    private ValueColumnBuffer<T> Values<T>(int column, ExportColumnType type)
        where T : struct
    {
        MarkSet(column);
        return _columns[column] as ValueColumnBuffer<T> ?? throw WrongType(column, type);
    }

    private DoubleListColumnBuffer List(int column)
    {
        MarkSet(column);
        return _columns[column] as DoubleListColumnBuffer ?? throw WrongType(column, ExportColumnType.DoubleList);
    }

    private void MarkSet(int column)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_setAtRow[column] == RowCount)
        {
            throw new InvalidOperationException($"Column '{_schema.Columns[column].Name}' was already set in this row.");
        }
        _setAtRow[column] = RowCount;
        _setInRow++;
    }

    private InvalidOperationException WrongType(int column, ExportColumnType type) =>
        new($"Column '{_schema.Columns[column].Name}' is {_schema.Columns[column].Type}, not {type}.");

    private void WriteValue(int column, object? value)
    {
        switch (value)
        {
            case null:
                WriteNull(column);
                break;
            case bool b:
                WriteBoolean(column, b);
                break;
            case int i when _schema.Columns[column].Type == ExportColumnType.Int64:
                WriteInt64(column, i);
                break;
            case int i:
                WriteInt32(column, i);
                break;
            case long l when _schema.Columns[column].Type == ExportColumnType.Timestamp:
                WriteTimestampMicros(column, l);
                break;
            case long l:
                WriteInt64(column, l);
                break;
            case double d:
                WriteDouble(column, d);
                break;
            case string s:
                WriteString(column, s);
                break;
            case DateTimeOffset t:
                WriteTimestampMicros(column, (t.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond);
                break;
            case DateTime t:
                WriteTimestampMicros(column, (t.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond);
                break;
            case double[] list:
                WriteDoubleList(column, list);
                break;
            case double?[] list:
                WriteDoubleList(column, list);
                break;
            default:
                throw new ArgumentException($"Column '{_schema.Columns[column].Name}': no conversion from {value.GetType().Name}.", nameof(value));
        }
    }

    private static ColumnBuffer BufferOf(Field field) => field switch
    {
        ListField list => new DoubleListColumnBuffer(list),
        DataField data when data.ClrType == typeof(bool) => new ValueColumnBuffer<bool>(data),
        DataField data when data.ClrType == typeof(int) => new ValueColumnBuffer<int>(data),
        DataField data when data.ClrType == typeof(long) => new ValueColumnBuffer<long>(data),
        DataField data when data.ClrType == typeof(double) => new ValueColumnBuffer<double>(data),
        DataField data when data.ClrType == typeof(DateTime) => new ValueColumnBuffer<DateTime>(data),
        DataField data when data.ClrType == typeof(ReadOnlyMemory<char>) => new ValueColumnBuffer<ReadOnlyMemory<char>>(data),
        _ => throw new ArgumentException($"No column buffer for field '{field.Name}'.", nameof(field)),
    };

    private static ParquetOptions ParquetOptionsOf(ExportSchema schema, ExportCompression compression)
    {
        var options = new ParquetOptions
        {
            CompressionMethod = compression == ExportCompression.Zstd ? CompressionMethod.Zstd : CompressionMethod.Snappy,
            CompressionLevel = CompressionLevel.Fastest,
            // Bounds what Parquet.Net's pool of page buffers (one pool for the whole process) keeps between row groups:
            // a capture's heap dump found it holding 8 MB, and it may keep up to these bounds for good.
            MaximumSmallPoolFreeBytes = 4 << 20,
            MaximumLargePoolFreeBytes = 4 << 20,
        };
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (schema.Columns[i].Dictionary && schema.Fields[i] is DataField field)
            {
                options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
            }
        }
        return options;
    }
}
