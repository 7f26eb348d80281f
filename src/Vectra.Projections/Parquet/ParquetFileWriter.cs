using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Vectra.Projections.Parquet.Columns;
using Vectra.Projections.Parquet.Encoding;
using Vectra.Projections.Parquet.Format;
using Vectra.Projections.Parquet.Thrift;
using Vectra.Projections.Parquet.Writing;

namespace Vectra.Projections.Parquet;

/// <summary>
/// Writes rows to a Parquet file on a stream: set each column of a row with the typed <c>Write…</c> methods
/// (or pass a whole row to <see cref="WriteRow"/>), close the row with <see cref="EndRow"/>, and call
/// <see cref="Finish"/> once to write the footer. Callers whose data is already columnar can instead hand over a
/// batch of rows: one <c>WriteColumn</c> per column, all of the same length, closed by <see cref="EndBatch"/>.
/// Columns left unset in a row (or batch) are null. The output holds no clock value, so the same rows always give
/// the same bytes, whichever way they were handed over, as long as row groups end at the same rows.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    /// <summary>The fixed <c>created_by</c> of every file (no version or build stamp, to keep files reproducible).</summary>
    public const string CreatedBy = "Vectra.Projections parquet writer";

    private readonly FileOutput _output;
    private readonly ParquetSchema _schema;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnBuffer[] _columns;
    private readonly ParquetColumnType[] _types;
    private readonly bool[] _nullable;
    // The row (or batch) each column was last set in: a stamp instead of a flag, so ending a row needs no reset loop.
    private readonly long[] _setAtRow;
    // Counts rows and batches ended; an empty batch ends too, so the stamp moves on where the row count would not.
    private long _stamp;
    private int _setInRow;
    // Rows of the open column batch, or -1 when none is open.
    private int _batchRows = -1;
    private readonly RowGroupWriter _rowGroupWriter;
    private readonly List<RowGroup> _rowGroups = [];
    private int _rowsInGroup;
    // The row count of the group at which the next data page can be started early (0: not known yet).
    private int _nextEarlyPage;
    private long _rows;
    private bool _finished;

    /// <summary>Starts a file on <paramref name="output"/> (which stays open) and writes the leading magic bytes.</summary>
    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        _schema = schema;
        _output = new FileOutput(output);
        _columns = [.. schema.Columns.Select(c => CreateBuffer(ColumnLayout.For(c)))];
        _types = [.. schema.Columns.Select(c => c.Type)];
        _nullable = [.. schema.Columns.Select(c => c.Nullable)];
        _setAtRow = new long[_columns.Length];
        Array.Fill(_setAtRow, -1L);
        _rowGroupWriter = new RowGroupWriter(_options, _columns.Length);
        _output.Write(FileMagic.Bytes);
    }

    /// <summary>Rows completed so far.</summary>
    public long RowCount => _rows;

    /// <summary>Sets a BOOLEAN column of the current row.</summary>
    public void WriteBoolean(int column, bool value) => Buffer<BooleanColumnBuffer>(column, ParquetColumnType.Boolean).Append(value);

    /// <summary>Sets an INT32 column of the current row.</summary>
    public void WriteInt32(int column, int value) => Buffer<IntegerColumnBuffer<int>>(column, ParquetColumnType.Int32).Append(value);

    /// <summary>Sets an INT64 column of the current row.</summary>
    public void WriteInt64(int column, long value) => Buffer<IntegerColumnBuffer<long>>(column, ParquetColumnType.Int64).Append(value);

    /// <summary>Sets a DOUBLE column of the current row.</summary>
    public void WriteDouble(int column, double value) => Buffer<DoubleColumnBuffer>(column, ParquetColumnType.Double).Append(value);

    /// <summary>Sets a STRING column of the current row (encoded as UTF-8).</summary>
    public void WriteString(int column, ReadOnlySpan<char> value) => Buffer<StringColumnBuffer>(column, ParquetColumnType.String).Append(value);

    /// <summary>Sets a STRING column of the current row from bytes that are already UTF-8.</summary>
    public void WriteUtf8(int column, ReadOnlySpan<byte> value) => Buffer<StringColumnBuffer>(column, ParquetColumnType.String).AppendUtf8(value);

    /// <summary>Sets a TIMESTAMP column of the current row, in microseconds since the Unix epoch (UTC).</summary>
    public void WriteTimestampMicros(int column, long microsecondsSinceEpoch) =>
        Buffer<IntegerColumnBuffer<long>>(column, ParquetColumnType.Timestamp).Append(microsecondsSinceEpoch);

    /// <summary>Sets a TIMESTAMP column of the current row; sub-microsecond ticks are dropped.</summary>
    public void WriteTimestamp(int column, DateTimeOffset value) =>
        WriteTimestampMicros(column, (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);

    /// <summary>Sets a LIST&lt;DOUBLE&gt; column of the current row; an empty span is an empty list (not null).</summary>
    public void WriteDoubleList(int column, ReadOnlySpan<double> elements) =>
        Buffer<DoubleColumnBuffer>(column, ParquetColumnType.DoubleList).AppendList(elements);

    /// <summary>Sets a LIST&lt;DOUBLE&gt; column of the current row whose elements may be null.</summary>
    public void WriteDoubleList(int column, ReadOnlySpan<double?> elements) =>
        Buffer<DoubleColumnBuffer>(column, ParquetColumnType.DoubleList).AppendList(elements);

    /// <summary>Sets a nullable column of the current row to null (for a list: a null list).</summary>
    public void WriteNull(int column)
    {
        if (_batchRows >= 0)
        {
            ThrowBatchOpen();
        }
        MarkSet(column);
        _columns[column].AppendNull();
    }

    /// <summary>Sets a BOOLEAN column for every row of the current batch (its length sets or must match the batch's).</summary>
    public void WriteColumn(int column, ReadOnlySpan<bool> values) =>
        BatchBuffer<BooleanColumnBuffer>(column, values.Length, ParquetColumnType.Boolean, ParquetColumnType.Boolean).AppendRange(values);

    /// <summary>Sets an INT32 column for every row of the current batch.</summary>
    public void WriteColumn(int column, ReadOnlySpan<int> values) =>
        BatchBuffer<IntegerColumnBuffer<int>>(column, values.Length, ParquetColumnType.Int32, ParquetColumnType.Int32).AppendRange(values);

    /// <summary>Sets an INT64 column, or a TIMESTAMP column in microseconds since the Unix epoch (UTC), for every row of the current batch.</summary>
    public void WriteColumn(int column, ReadOnlySpan<long> values) =>
        BatchBuffer<IntegerColumnBuffer<long>>(column, values.Length, ParquetColumnType.Int64, ParquetColumnType.Timestamp).AppendRange(values);

    /// <summary>Sets a DOUBLE column for every row of the current batch.</summary>
    public void WriteColumn(int column, ReadOnlySpan<double> values) =>
        BatchBuffer<DoubleColumnBuffer>(column, values.Length, ParquetColumnType.Double, ParquetColumnType.Double).AppendRange(values);

    /// <summary>Sets a STRING column for every row of the current batch; a null element is a null value.</summary>
    public void WriteColumn(int column, ReadOnlySpan<string?> values) =>
        BatchBuffer<StringColumnBuffer>(column, values.Length, ParquetColumnType.String, ParquetColumnType.String).AppendRange(values);

    /// <summary>
    /// Completes the batch of rows begun by the first <c>WriteColumn</c>; unset nullable columns become null. A row group is
    /// written once it holds at least <see cref="ParquetWriterOptions.RowGroupRows"/> rows, so a batch never spans two row groups.
    /// </summary>
    public void EndBatch()
    {
        if (_batchRows < 0)
        {
            throw new InvalidOperationException("No batch was started (call WriteColumn first).");
        }
        if (_setInRow != _columns.Length)
        {
            AppendNullsToUnsetColumns(_batchRows);
        }
        _setInRow = 0;
        _stamp++;
        _rows += _batchRows;
        _rowsInGroup += _batchRows;
        _batchRows = -1;
        if (_rowsInGroup >= _options.RowGroupRows)
        {
            FlushRowGroup();
        }
        else if (_rowsInGroup >= _nextEarlyPage)
        {
            _nextEarlyPage = _rowGroupWriter.StartCompletePages(_columns, _rowsInGroup);
        }
    }

    /// <summary>Writes a whole row: one value per column in schema order, null for null.</summary>
    /// <remarks>
    /// Accepted values: bool; int; long; double; string; DateTimeOffset, DateTime (UTC) or long microseconds for timestamps;
    /// double[], double?[] or IEnumerable&lt;double?&gt; for lists.
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

    /// <summary>Completes the current row; unset nullable columns become null. Writes a row group when it is full.</summary>
    public void EndRow()
    {
        if (_batchRows >= 0)
        {
            throw new InvalidOperationException("A column batch is open (call EndBatch).");
        }
        if (_setInRow != _columns.Length)
        {
            AppendNullsToUnsetColumns(1);
        }
        _setInRow = 0;
        _stamp++;
        _rows++;
        if (++_rowsInGroup >= _options.RowGroupRows)
        {
            FlushRowGroup();
        }
        else if (_rowsInGroup >= _nextEarlyPage)
        {
            _nextEarlyPage = _rowGroupWriter.StartCompletePages(_columns, _rowsInGroup);
        }
    }

    /// <summary>Writes the last row group and the footer, and flushes the stream. Call it exactly once.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_batchRows >= 0)
        {
            throw new InvalidOperationException("The last column batch was started but not ended (call EndBatch).");
        }
        if (_setInRow > 0)
        {
            throw new InvalidOperationException("The last row was started but not ended (call EndRow).");
        }
        FlushRowGroup();
        using var footer = new ByteBuffer(16 * 1024);
        var schemaElements = new List<SchemaElement> { new("schema", NumChildren: _columns.Length) };
        schemaElements.AddRange(_columns.SelectMany(c => c.Layout.SchemaElements));
        new FileMetaData(schemaElements, _rows, _rowGroups, _columns.Length, CreatedBy).Write(new CompactWriter(footer));
        _output.Write(footer.WrittenSpan);
        Span<byte> trailer = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(trailer, footer.Length);
        FileMagic.Bytes.CopyTo(trailer[4..]);
        _output.Write(trailer);
        _output.Flush();
        _finished = true;
    }

    /// <summary>Returns the pooled buffers. Does not finish the file: an unfinished file has no footer and is unreadable.</summary>
    public void Dispose()
    {
        foreach (var column in _columns)
        {
            column.Dispose();
        }
        _rowGroupWriter.Dispose();
        _finished = true;
    }

    private void FlushRowGroup()
    {
        if (_rowsInGroup == 0)
        {
            return;
        }
        var chunks = _rowGroupWriter.Write(_columns, _output);
        foreach (var column in _columns)
        {
            column.Clear();
        }
        _rowGroups.Add(new RowGroup(chunks, _rowsInGroup, checked((short)_rowGroups.Count)));
        _rowsInGroup = 0;
        _nextEarlyPage = 0;
    }

    private void AppendNullsToUnsetColumns(int rows)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_setAtRow[i] != _stamp)
            {
                if (!_nullable[i])
                {
                    throw new InvalidOperationException($"Column '{_schema.Columns[i].Name}' is required but was not set in row {_rows}.");
                }
                _columns[i].AppendNulls(rows);
            }
        }
    }

    private void WriteValue(int column, object? value)
    {
        var type = _schema.Columns[column].Type;
        switch (value)
        {
            case null:
                WriteNull(column);
                break;
            case bool b:
                WriteBoolean(column, b);
                break;
            case int i when type == ParquetColumnType.Int32:
                WriteInt32(column, i);
                break;
            case int i when type == ParquetColumnType.Int64:
                WriteInt64(column, i);
                break;
            case long l when type == ParquetColumnType.Timestamp:
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
                WriteTimestamp(column, t);
                break;
            case DateTime t:
                WriteTimestamp(column, new DateTimeOffset(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc)));
                break;
            case double[] list:
                WriteDoubleList(column, list);
                break;
            case double?[] list:
                WriteDoubleList(column, list);
                break;
            case IEnumerable<double?> list:
                WriteDoubleList(column, list.ToArray());
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be written to column '{_schema.Columns[column].Name}' of type {type}.", nameof(value));
        }
    }

    // Inlined into every typed Write…: a call per value costs more than the checks themselves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Buffer<T>(int column, ParquetColumnType expected)
        where T : ColumnBuffer
    {
        if ((uint)column >= (uint)_types.Length || _types[column] != expected)
        {
            ThrowWrongColumn(column, expected);
        }
        if (_batchRows >= 0)
        {
            ThrowBatchOpen();
        }
        MarkSet(column);
        // CreateBuffer fixes each column type's buffer class, so the type check above makes the unchecked cast safe.
        return Unsafe.As<T>(_columns[column]);
    }

    private T BatchBuffer<T>(int column, int rows, ParquetColumnType expected, ParquetColumnType alsoAccepted)
        where T : ColumnBuffer
    {
        if ((uint)column >= (uint)_types.Length || (_types[column] != expected && _types[column] != alsoAccepted))
        {
            ThrowWrongColumn(column, expected);
        }
        if (_batchRows < 0)
        {
            if (_setInRow > 0)
            {
                throw new InvalidOperationException("A row was started with Write… calls (call EndRow before a column batch).");
            }
            _batchRows = rows;
        }
        else if (rows != _batchRows)
        {
            throw new ArgumentException($"The batch has {_batchRows} rows, but {rows} values were given for column '{_schema.Columns[column].Name}'.", nameof(column));
        }
        MarkSet(column);
        return Unsafe.As<T>(_columns[column]);
    }

    [DoesNotReturn]
    private static void ThrowBatchOpen() =>
        throw new InvalidOperationException("A column batch is open: finish it with EndBatch before writing row by row.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkSet(int column)
    {
        if (_finished)
        {
            ThrowFinished();
        }
        if (_setAtRow[column] == _stamp)
        {
            ThrowSetTwice(column);
        }
        _setAtRow[column] = _stamp;
        _setInRow++;
    }

    [DoesNotReturn]
    private void ThrowFinished() => throw new ObjectDisposedException(GetType().FullName);

    [DoesNotReturn]
    private void ThrowSetTwice(int column) =>
        throw new InvalidOperationException($"Column '{_schema.Columns[column].Name}' was set twice in row {_rows}.");

    [DoesNotReturn]
    private void ThrowWrongColumn(int column, ParquetColumnType expected)
    {
        var actual = _schema.Columns[column].Type;
        throw new ArgumentException($"Column '{_schema.Columns[column].Name}' is {actual}, not {expected}.", nameof(column));
    }

    private static ColumnBuffer CreateBuffer(ColumnLayout layout) => layout.Column.Type switch
    {
        ParquetColumnType.Boolean => new BooleanColumnBuffer(layout),
        ParquetColumnType.Int32 => new IntegerColumnBuffer<int>(layout),
        ParquetColumnType.Int64 or ParquetColumnType.Timestamp => new IntegerColumnBuffer<long>(layout),
        ParquetColumnType.Double or ParquetColumnType.DoubleList => new DoubleColumnBuffer(layout),
        ParquetColumnType.String => new StringColumnBuffer(layout),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout.Column.Type, "Unsupported column type."),
    };
}
