using Vectra.Projections.Parquet.Columns;
using Vectra.Projections.Parquet.Encoding;
using Vectra.Projections.Parquet.Format;
using Vectra.Projections.Parquet.Thrift;

namespace Vectra.Projections.Parquet.Writing;

/// <summary>
/// Writes one column chunk: an optional dictionary page, then v1 data pages split at row boundaries.
/// A v1 data page body is [repetition levels][definition levels][values]; each level section is a
/// four-byte little-endian length followed by RLE/bit-packed hybrid runs, and is absent when its maximum level is 0.
/// The chunk is encoded into memory with offsets from its own start, so chunks of one row group can be encoded
/// side by side and then written in column order (<see cref="ColumnChunkExtensions.MovedTo"/>).
/// Pages of fixed-width required columns end every <see cref="FixedPageRows"/> rows whatever follows, so they can be
/// started early (<see cref="StartEarlyPage"/>), compressed on a worker while rows still arrive, and joined at the flush.
/// </summary>
internal sealed class ColumnChunkWriter(ParquetWriterOptions options) : IDisposable
{
    private readonly ByteBuffer _body = new(256 * 1024);
    private readonly ByteBuffer _header = new(256);
    private readonly EncodedChunk _chunk = new();
    private readonly PageCompressor _compressor = new(options.Compression);
    private readonly StringDictionary _dictionary = new();
    private readonly List<Task<EncodedPage>> _earlyPages = [];
    private long _uncompressedBytes;
    private long _compressedBytes;

    /// <summary>Rows of the current row group already handed to <see cref="StartEarlyPage"/>.</summary>
    public int EarlyRows { get; private set; }

    /// <summary>
    /// Rows per data page when a column's pages end at fixed rows (fixed-width values, one level per row, no levels
    /// written), else 0: the row-by-row page split stops at exactly this many rows for such a column.
    /// </summary>
    public static int FixedPageRows(ColumnBuffer column, ParquetWriterOptions options)
    {
        var size = column.FixedPlainSize;
        return size > 0 && column.Layout.MaxDefinitionLevel == 0
            ? Math.Min(options.PageValues, (options.PageBytes + size - 1) / size)
            : 0;
    }

    /// <summary>
    /// Copies the next <paramref name="rows"/> values of the column (on the caller's thread, which owns the column buffer)
    /// and compresses them as a data page on <paramref name="scheduler"/>.
    /// </summary>
    public void StartEarlyPage(ColumnBuffer column, int rows, TaskScheduler scheduler)
    {
        var body = new ByteBuffer(rows * column.FixedPlainSize);
        column.WritePlain(EarlyRows, rows, body);
        EarlyRows += rows;
        _earlyPages.Add(Task.Factory.StartNew(
            () =>
            {
                using (body)
                {
                    return CompressPage(body, rows);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.None,
            scheduler));
    }

    /// <summary>Writes the bytes of the last encoded chunk, once.</summary>
    public void WriteEncodedTo(FileOutput output) => _chunk.WriteTo(output);

    /// <summary>Encodes the column into memory (see <see cref="WriteEncodedTo"/>); the returned offsets count from the chunk's first byte.</summary>
    public ColumnChunk Encode(ColumnBuffer column)
    {
        _uncompressedBytes = 0;
        _compressedBytes = 0;
        _chunk.Clear();
        // A chunk of only nulls gets no dictionary: an empty dictionary page would be an empty GZIP member, which readers reject.
        var dictionary = column is StringColumnBuffer { ValueCount: > 0 } strings
            && _dictionary.TryBuild(strings, options.MaxDictionaryEntries, options.MaxDictionaryBytes)
            ? _dictionary
            : null;

        long? dictionaryOffset = null;
        if (dictionary is not null)
        {
            dictionaryOffset = _chunk.Length;
            _body.Clear();
            dictionary.WritePlainEntries(_body);
            WritePage(PageType.DictionaryPage, null, new DictionaryPageHeader(dictionary.EntryCount));
        }

        var dataPageOffset = _chunk.Length;
        var valueEncoding = dictionary is null ? ValueEncoding.Plain : ValueEncoding.RleDictionary;
        var startRow = AppendEarlyPages();
        WriteDataPages(column, dictionary, valueEncoding, startRow);

        var (min, max) = dictionary?.MinMax() ?? column.MinMax();
        if (min?.Length > options.MaxStatisticsBytes || max?.Length > options.MaxStatisticsBytes)
        {
            (min, max) = (null, null);
        }
        var metaData = new ColumnMetaData(
            column.Layout.PhysicalType,
            Encodings(column, valueEncoding),
            column.Layout.Path,
            _compressor.Codec,
            column.LevelCount,
            _uncompressedBytes,
            _compressedBytes,
            dataPageOffset,
            dictionaryOffset,
            new Thrift.Statistics(column.NullCount, min, max));
        return new ColumnChunk(0, metaData);
    }

    public void Dispose()
    {
        // A writer abandoned before its flush may still be compressing early pages: let them end, observed.
        foreach (var page in _earlyPages)
        {
            try
            {
                page.Wait();
            }
            catch (AggregateException)
            {
                // The file is being abandoned; its pages are not needed.
            }
        }
        _earlyPages.Clear();
        _body.Dispose();
        _header.Dispose();
        _chunk.Dispose();
        _compressor.Dispose();
        _dictionary.Dispose();
    }

    /// <summary>Appends the pages started early, in order; returns the row the remaining pages start at.</summary>
    private int AppendEarlyPages()
    {
        try
        {
            foreach (var task in _earlyPages)
            {
                var page = task.GetAwaiter().GetResult();
                _chunk.Append(page.Header);
                _chunk.AppendOwned(page.Body);
                _uncompressedBytes += page.Header.Length + page.UncompressedBodyLength;
                _compressedBytes += page.Header.Length + page.Body.Length;
            }
            return EarlyRows;
        }
        finally
        {
            _earlyPages.Clear();
            EarlyRows = 0;
        }
    }

    private EncodedPage CompressPage(ByteBuffer body, int values)
    {
        var compressed = _compressor.CompressToArray(body.WrittenSpan);
        using var header = new ByteBuffer(64);
        new PageHeader(PageType.DataPage, body.Length, compressed.Length, new DataPageHeader(values, ValueEncoding.Plain), null).Write(new CompactWriter(header));
        return new EncodedPage(header.WrittenSpan.ToArray(), compressed, body.Length);
    }

    private void WriteDataPages(ColumnBuffer column, StringDictionary? dictionary, ValueEncoding encoding, int startRow)
    {
        var levels = column.LevelCount;
        var maxDefinition = column.Layout.MaxDefinitionLevel;
        var definitions = column.DefinitionLevels.Span;
        var repetitions = column.RepetitionLevels.Span;
        var fixedPageRows = FixedPageRows(column, options);
        // Early pages exist only for fixed page rows, where a row is one level and one value.
        var levelIndex = startRow;
        var valueIndex = startRow;
        while (levelIndex < levels)
        {
            var pageLevelStart = levelIndex;
            var pageValueStart = valueIndex;
            if (fixedPageRows > 0)
            {
                // One level, one row and one value each: the row loop below would stop exactly here.
                var rows = Math.Min(levels - levelIndex, fixedPageRows);
                levelIndex += rows;
                valueIndex += rows;
            }
            else
            {
                (levelIndex, valueIndex) = EndOfPage(column, definitions, repetitions, levelIndex, valueIndex);
            }

            _body.Clear();
            if (column.Layout.MaxRepetitionLevel > 0)
            {
                WriteLevels(repetitions[pageLevelStart..levelIndex], column.Layout.MaxRepetitionLevel);
            }
            if (maxDefinition > 0)
            {
                WriteLevels(definitions[pageLevelStart..levelIndex], maxDefinition);
            }
            if (dictionary is null)
            {
                column.WritePlain(pageValueStart, valueIndex - pageValueStart, _body);
            }
            else
            {
                _body.WriteByte((byte)dictionary.IndexBitWidth);
                RleBitPackedHybrid.Encode(dictionary.Indices[pageValueStart..valueIndex], dictionary.IndexBitWidth, _body);
            }
            WritePage(PageType.DataPage, new DataPageHeader(levelIndex - pageLevelStart, encoding), null);
        }
    }

    /// <summary>The level and value index after the last row of the page that starts at the given indices.</summary>
    private (int LevelIndex, int ValueIndex) EndOfPage(
        ColumnBuffer column, ReadOnlySpan<byte> definitions, ReadOnlySpan<byte> repetitions, int levelIndex, int valueIndex)
    {
        var levels = column.LevelCount;
        var maxDefinition = column.Layout.MaxDefinitionLevel;
        var fixedSize = column.FixedPlainSize;
        var pageLevelStart = levelIndex;
        var pageBytes = 0L;
        do
        {
            // One row: its first entry, then every entry that repeats within it.
            do
            {
                if (maxDefinition == 0 || definitions[levelIndex] == maxDefinition)
                {
                    pageBytes += fixedSize > 0 ? fixedSize : column.PlainSize(valueIndex);
                    valueIndex++;
                }
                levelIndex++;
            }
            while (levelIndex < levels && !repetitions.IsEmpty && repetitions[levelIndex] > 0);
        }
        while (levelIndex < levels && levelIndex - pageLevelStart < options.PageValues && pageBytes < options.PageBytes);
        return (levelIndex, valueIndex);
    }

    private void WriteLevels(ReadOnlySpan<byte> levels, int maxLevel)
    {
        var lengthAt = _body.ReserveInt32();
        RleBitPackedHybrid.Encode(levels, BitWidth.Of(maxLevel), _body);
        _body.PatchInt32LittleEndian(lengthAt, _body.Length - lengthAt - sizeof(int));
    }

    private void WritePage(PageType type, DataPageHeader? dataPage, DictionaryPageHeader? dictionaryPage)
    {
        var owned = _compressor.CompressToNewArray(_body.WrittenSpan);
        var compressed = owned ?? _compressor.Compress(_body.WrittenSpan);
        _header.Clear();
        new PageHeader(type, _body.Length, compressed.Length, dataPage, dictionaryPage).Write(new CompactWriter(_header));
        _chunk.Append(_header.WrittenSpan);
        if (owned is not null)
        {
            _chunk.AppendOwned(owned);
        }
        else
        {
            _chunk.Append(compressed);
        }
        _uncompressedBytes += _header.Length + _body.Length;
        _compressedBytes += _header.Length + compressed.Length;
    }

    private static ValueEncoding[] Encodings(ColumnBuffer column, ValueEncoding valueEncoding)
    {
        var hasLevels = column.Layout.MaxDefinitionLevel > 0 || column.Layout.MaxRepetitionLevel > 0;
        return (valueEncoding, hasLevels) switch
        {
            (ValueEncoding.RleDictionary, true) => [ValueEncoding.Plain, ValueEncoding.Rle, ValueEncoding.RleDictionary],
            (ValueEncoding.RleDictionary, false) => [ValueEncoding.Plain, ValueEncoding.RleDictionary],
            (_, true) => [ValueEncoding.Plain, ValueEncoding.Rle],
            _ => [ValueEncoding.Plain],
        };
    }
}
