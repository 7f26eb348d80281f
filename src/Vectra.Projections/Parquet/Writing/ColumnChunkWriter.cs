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
/// </summary>
internal sealed class ColumnChunkWriter(ParquetWriterOptions options) : IDisposable
{
    private readonly ByteBuffer _body = new(256 * 1024);
    private readonly ByteBuffer _header = new(256);
    private readonly EncodedChunk _chunk = new();
    private readonly PageCompressor _compressor = new(options.Compression);
    private readonly StringDictionary _dictionary = new();
    private long _uncompressedBytes;
    private long _compressedBytes;

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
        WriteDataPages(column, dictionary, valueEncoding);

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
        _body.Dispose();
        _header.Dispose();
        _chunk.Dispose();
        _compressor.Dispose();
        _dictionary.Dispose();
    }

    private void WriteDataPages(ColumnBuffer column, StringDictionary? dictionary, ValueEncoding encoding)
    {
        var levels = column.LevelCount;
        var maxDefinition = column.Layout.MaxDefinitionLevel;
        var definitions = column.DefinitionLevels.Span;
        var repetitions = column.RepetitionLevels.Span;
        var fixedSize = column.FixedPlainSize;
        var levelIndex = 0;
        var valueIndex = 0;
        while (levelIndex < levels)
        {
            var pageLevelStart = levelIndex;
            var pageValueStart = valueIndex;
            if (fixedSize > 0 && maxDefinition == 0)
            {
                // One level, one row and one value each: the row loop below would stop exactly here.
                var rows = Math.Min(levels - levelIndex, Math.Min(options.PageValues, (options.PageBytes + fixedSize - 1) / fixedSize));
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
