using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Reads sealed blocks on a reader's connection: finds the blocks a query touches, checks and
/// decompresses each once, and yields its records in seq order, each built only when reached. The last
/// block opened is kept, so reads that walk the journal in windows (follow, read-ahead) do not open a block
/// twice. Checksums are checked under the journal's <see cref="ChecksumScheme"/>, looked up again when a
/// record fails (a writer may have opened the journal after this reader did); SQLite's errors become journal
/// errors through <paramref name="failure"/>.
/// </summary>
internal sealed class BlockReader(
    SqliteConnection connection, Utf8TextCache texts, Func<ChecksumScheme> scheme, Func<bool> schemeChanged, Func<SqliteException, Exception> failure)
    : IDisposable
{
    private const string Header = "first_seq, last_seq, records, codec, raw_bytes, checksum, data";

    private readonly BlockCodec _codec = new();
    private bool _tableSeen;
    private BlockColumns? _last;

    /// <summary>Whether this journal has a blocks table yet (a journal written before compression has none until a writer opens it).</summary>
    public bool Available
    {
        get
        {
            if (!_tableSeen)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal_blocks'";
                _tableSeen = (long)command.ExecuteScalar()! > 0;
            }
            return _tableSeen;
        }
    }

    /// <summary>Records with <paramref name="from"/> ≤ seq ≤ <paramref name="to"/> held in blocks, in seq order.</summary>
    /// <remarks>With <paramref name="lend"/> the records' args are slices of their block's buffer (<see cref="LentBlock"/>), not copies.</remarks>
    public IEnumerable<StoredRow> SeqRange(long from, long to, bool lend = false) =>
        Records(
            $"SELECT {Header} FROM journal_blocks WHERE first_seq >= coalesce((SELECT max(first_seq) FROM journal_blocks WHERE first_seq <= $a), $a) AND first_seq <= $b ORDER BY first_seq",
            from, to, (block, i) => block.Header.FirstSeq + i >= from && block.Header.FirstSeq + i <= to, lend);

    /// <summary>Records with <paramref name="fromTs"/> ≤ ts ≤ <paramref name="toTs"/> held in blocks, in seq order.</summary>
    public IEnumerable<StoredRow> TsRange(long fromTs, long toTs) =>
        Records($"SELECT {Header} FROM journal_blocks WHERE max_ts >= $a AND min_ts <= $b ORDER BY first_seq",
            fromTs, toTs, (block, i) => block.TsAt(i) >= fromTs && block.TsAt(i) <= toTs);

    /// <summary>System records after <paramref name="afterSeq"/> held in blocks, opening only blocks that hold some.</summary>
    public IEnumerable<StoredRow> SystemRecords(long afterSeq) =>
        Records($"SELECT {Header} FROM journal_blocks WHERE last_seq > $a AND system_records > 0 ORDER BY first_seq",
            afterSeq, 0, (block, i) => block.Header.FirstSeq + i > afterSeq && block.IsSystemAt(i));

    /// <summary>Every block, in seq order, each either opened or found damaged (for verification); a block's rows must be walked before the next block.</summary>
    public IEnumerable<OpenedBlock> All()
    {
        if (!Available)
        {
            yield break;
        }
        var columns = new BlockColumns();
        using var statement = Prepare($"SELECT {Header} FROM journal_blocks ORDER BY first_seq");
        try
        {
            while (Step(statement))
            {
                var header = HeaderOf(statement);
                string? damage = null;
                try
                {
                    Decode(header, statement.BlobAt(6), columns);
                }
                catch (FormatException e)
                {
                    damage = e.Message;
                }
                yield return new OpenedBlock(header, damage is null ? RowsOf(columns, 0, columns.Count - 1, static (_, _) => true, lend: false) : null, damage);
            }
        }
        finally
        {
            columns.Release();
        }
    }

    /// <summary>
    /// The records of the blocks that lie wholly within <paramref name="firstSeq"/>..<paramref name="lastSeq"/>, as entries to lay out
    /// again (every field as stored, with its stored CRC), each with whether that CRC holds. A damaged block throws
    /// <see cref="JournalCorruptException"/>.
    /// </summary>
    public IEnumerable<(BlockEntry Entry, bool Holds)> Entries(long firstSeq, long lastSeq)
    {
        using var statement = Prepare($"SELECT {Header} FROM journal_blocks WHERE first_seq >= $a AND last_seq <= $b ORDER BY first_seq");
        statement.Bind(statement.IndexOf("$a"), firstSeq);
        statement.Bind(statement.IndexOf("$b"), lastSeq);
        while (Step(statement))
        {
            var block = Open(HeaderOf(statement), statement);
            block.Readers++;
            try
            {
                for (var i = 0; i < block.Count; i++)
                {
                    var entry = block.Entry(i, scheme(), out var holds);
                    yield return (entry, holds);
                }
            }
            finally
            {
                block.Readers--;
            }
        }
    }

    private IEnumerable<StoredRow> Records(string sql, long a, long b, Func<BlockColumns, int, bool> wanted, bool lend = false)
    {
        if (!Available)
        {
            yield break;
        }
        using var statement = Prepare(sql);
        statement.Bind(statement.IndexOf("$a"), a);
        if (statement.IndexOf("$b") is > 0 and var second)
        {
            statement.Bind(second, b);
        }
        while (Step(statement))
        {
            var block = Open(HeaderOf(statement), statement);
            block.Readers++;
            try
            {
                foreach (var row in RowsOf(block, 0, block.Count - 1, wanted, lend))
                {
                    yield return row;
                }
            }
            finally
            {
                block.Readers--;
            }
        }
    }

    private IEnumerable<StoredRow> RowsOf(BlockColumns block, int first, int last, Func<BlockColumns, int, bool> wanted, bool lend)
    {
        for (var i = first; i <= last; i++)
        {
            if (!wanted(block, i))
            {
                continue;
            }
            var row = block.Row(i, scheme(), lend);
            if (!row.ChecksumHolds && schemeChanged())
            {
                row = block.Row(i, scheme(), lend);
            }
            yield return row;
        }
    }

    /// <summary>The block's columns: the last block opened when it is this one, else decoded into buffers no enumeration is walking.</summary>
    private BlockColumns Open(SealedBlockHeader header, Statement statement)
    {
        if (_last is { } last && last.Header == header)
        {
            return last;
        }
        var into = _last is { Readers: 0 } idle ? idle : new BlockColumns();
        _last = null;
        try
        {
            Decode(header, statement.BlobAt(6), into);
            _last = into;
            return into;
        }
        catch (FormatException e)
        {
            throw new JournalCorruptException(header.FirstSeq,
                $"journal records meta_seq {header.FirstSeq}..{header.LastSeq} are in a sealed block that is damaged ({e.Message}). " +
                "Run `vectra verify` to list every damaged record.");
        }
    }

    private void Decode(SealedBlockHeader header, ReadOnlySpan<byte> data, BlockColumns into)
    {
        _codec.Decompress(header, data, into);
        try
        {
            into.Load(header, texts);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new FormatException($"its record index is damaged: {e.Message}");
        }
    }
    private Statement Prepare(string sql)
    {
        try
        {
            return new Statement(connection, sql);
        }
        catch (SqliteException error)
        {
            throw failure(error);
        }
    }

    private bool Step(Statement statement)
    {
        try
        {
            return statement.Step();
        }
        catch (SqliteException error)
        {
            throw failure(error);
        }
    }

    private static SealedBlockHeader HeaderOf(Statement row) =>
        new(row.Int64At(0), row.Int64At(1), (int)row.Int64At(2), (int)row.Int64At(3), (int)row.Int64At(4), unchecked((uint)row.Int64At(5)));

    public void Dispose()
    {
        _last?.Release();
        _codec.Dispose();
    }
}
