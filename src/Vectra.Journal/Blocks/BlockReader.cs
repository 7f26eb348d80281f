using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Reads sealed blocks on a reader's connection: finds the blocks a query touches, checks and
/// decompresses each once, and yields its records in seq order. The last block opened is kept, so
/// reads that walk the journal in windows (follow, read-ahead) do not open a block twice. Checksums are
/// checked under the journal's <see cref="ChecksumScheme"/>, looked up again when a record fails (a writer
/// may have opened the journal after this reader did); SQLite's errors become journal errors through
/// <paramref name="failure"/>.
/// </summary>
internal sealed class BlockReader(
    SqliteConnection connection, Utf8TextCache texts, Func<ChecksumScheme> scheme, Func<bool> schemeChanged, Func<SqliteException, Exception> failure)
    : IDisposable
{
    private const string Header = "first_seq, last_seq, records, codec, raw_bytes, checksum, data";

    private readonly BlockCodec _codec = new();
    private bool _tableSeen;
    private (long FirstSeq, StoredRow[] Rows)? _last;

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
    public IEnumerable<StoredRow> SeqRange(long from, long to) =>
        Records(
            $"SELECT {Header} FROM journal_blocks WHERE first_seq >= coalesce((SELECT max(first_seq) FROM journal_blocks WHERE first_seq <= $a), $a) AND first_seq <= $b ORDER BY first_seq",
            from, to, row => row.Record.Seq >= from && row.Record.Seq <= to);

    /// <summary>Records with <paramref name="fromTs"/> ≤ ts ≤ <paramref name="toTs"/> held in blocks, in seq order.</summary>
    public IEnumerable<StoredRow> TsRange(long fromTs, long toTs) =>
        Records($"SELECT {Header} FROM journal_blocks WHERE max_ts >= $a AND min_ts <= $b ORDER BY first_seq",
            fromTs, toTs, row => row.Record.Ts >= fromTs && row.Record.Ts <= toTs);

    /// <summary>System records after <paramref name="afterSeq"/> held in blocks, opening only blocks that hold some.</summary>
    public IEnumerable<StoredRow> SystemRecords(long afterSeq) =>
        Records($"SELECT {Header} FROM journal_blocks WHERE last_seq > $a AND system_records > 0 ORDER BY first_seq",
            afterSeq, 0, row => row.Record.Seq > afterSeq && row.Record.Event.StartsWith('$'));

    /// <summary>Every block, in seq order, each either opened or found damaged (for verification).</summary>
    public IEnumerable<OpenedBlock> All()
    {
        if (!Available)
        {
            yield break;
        }
        using var statement = Prepare($"SELECT {Header} FROM journal_blocks ORDER BY first_seq");
        while (Step(statement))
        {
            var header = HeaderOf(statement);
            StoredRow[]? rows = null;
            string? damage = null;
            try
            {
                rows = Decode(header, statement.BlobAt(6));
            }
            catch (FormatException e)
            {
                damage = e.Message;
            }
            yield return new OpenedBlock(header, rows, damage);
        }
    }

    private IEnumerable<StoredRow> Records(string sql, long a, long b, Func<StoredRow, bool> wanted)
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
            foreach (var row in Open(HeaderOf(statement), statement))
            {
                if (wanted(row))
                {
                    yield return row;
                }
            }
        }
    }

    private StoredRow[] Open(SealedBlockHeader header, Statement statement)
    {
        if (_last is { } last && last.FirstSeq == header.FirstSeq && last.Rows.Length == header.Records)
        {
            return last.Rows;
        }
        try
        {
            var rows = Decode(header, statement.BlobAt(6));
            _last = (header.FirstSeq, rows);
            return rows;
        }
        catch (FormatException e)
        {
            throw new JournalCorruptException(header.FirstSeq,
                $"journal records meta_seq {header.FirstSeq}..{header.LastSeq} are in a sealed block that is damaged ({e.Message}). " +
                "Run `vectra verify` to list every damaged record.");
        }
    }

    private StoredRow[] Decode(SealedBlockHeader header, ReadOnlySpan<byte> data)
    {
        var raw = _codec.Decompress(header, data);
        try
        {
            var rows = BlockLayout.Parse(raw, header.FirstSeq, header.Records, texts, scheme());
            return Array.TrueForAll(rows, row => row.ChecksumHolds) || !schemeChanged()
                ? rows
                : BlockLayout.Parse(raw, header.FirstSeq, header.Records, texts, scheme());
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

    public void Dispose() => _codec.Dispose();
}
