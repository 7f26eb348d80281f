using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>
/// Reads committed records on its own connection, checking every record's checksum. Readers may run
/// at any time, beside the writer; each query sees a committed, gap-free prefix of the journal.
/// Records are rows (the hot tail) or inside sealed blocks; every read merges both in seq order from
/// one snapshot, so callers never see the difference.
/// </summary>
/// <remarks>
/// Failure policy: nothing is retried. An error SQLite raises is turned into a journal error naming
/// the file and what to do (<see cref="SqliteFailures"/>); a record whose checksum fails throws
/// <see cref="JournalCorruptException"/> when it is read, and so does a sealed block that fails its checksum
/// or cannot be opened (naming its seq range). A journal.db without the journal's tables
/// (a writer killed while creating it leaves 0 bytes) reads as an empty journal until a writer creates them.
/// </remarks>
public sealed class JournalReader : IDisposable
{
    private readonly ReaderConnection _db;
    private readonly BlockReader _blocks;

    private JournalReader(JournalFiles files, SqliteConnection connection)
    {
        Files = files;
        _db = new ReaderConnection(connection, files.Database);
        _blocks = new BlockReader(connection, _db.Texts, () => _db.Scheme, () => _db.Guard(_db.SchemeChanged), _db.Describe);
    }

    /// <summary>The journal's files.</summary>
    public JournalFiles Files { get; }

    /// <summary>Opens the journal in <paramref name="dataDirectory"/> for reading.</summary>
    public static JournalReader Open(string dataDirectory)
    {
        var files = new JournalFiles(dataDirectory);
        if (!files.Exists)
        {
            throw new JournalInputException($"there is no journal in {Path.GetFullPath(dataDirectory)} (no journal.db). Pass --data with the folder a capture or import wrote.");
        }
        SqliteConnection? connection = null;
        try
        {
            connection = SqliteOpener.OpenReader(files.Database);
            JournalIdentity.Ensure(connection, files.Database);
            return new JournalReader(files, connection);
        }
        catch (Exception error)
        {
            connection?.Dispose();
            if (error is SqliteException sqlite)
            {
                throw SqliteFailures.Describe(sqlite, files.Database);
            }
            throw;
        }
    }

    /// <summary>The first seq, or 0 when the journal is empty.</summary>
    public long Head => _db.Scalar(BlocksAvailable
        ? "SELECT coalesce((SELECT min(first_seq) FROM journal_blocks), (SELECT min(seq) FROM journal), 0)"
        : "SELECT coalesce(min(seq), 0) FROM journal");

    /// <summary>The last committed seq, or 0 when the journal is empty.</summary>
    public long Tail => _db.Scalar(BlocksAvailable
        ? "SELECT max(coalesce((SELECT max(last_seq) FROM journal_blocks), 0), coalesce((SELECT max(seq) FROM journal), 0))"
        : "SELECT coalesce(max(seq), 0) FROM journal");

    /// <summary>The record at <paramref name="seq"/>, or null.</summary>
    public JournalRecord? ReadOne(long seq) => ReadSeqRange(seq, seq).FirstOrDefault();

    /// <summary>Records with <paramref name="from"/> ≤ seq ≤ <paramref name="to"/>, in seq order.</summary>
    public IEnumerable<JournalRecord> ReadSeqRange(long from, long to) => SeqRange(from, to, lend: false);

    /// <summary>
    /// The same records, those from sealed blocks lending their args (<see cref="LentBlock"/>) instead of copying them: valid
    /// while the caller holds their block (<see cref="JournalRecord.Block"/>), else only until the reader opens the next block.
    /// </summary>
    internal IEnumerable<JournalRecord> ReadSeqRangeLent(long from, long to) => SeqRange(from, to, lend: true);

    private IEnumerable<JournalRecord> SeqRange(long from, long to, bool lend) =>
        Merged(() => _blocks.SeqRange(from, to, lend),
            () => _db.Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq BETWEEN $a AND $b ORDER BY seq", from, to))
            .Select(row => row.Trusted());

    /// <summary>Records with <paramref name="fromTs"/> ≤ meta_ts ≤ <paramref name="toTs"/> (µs since epoch), in seq order.</summary>
    public IEnumerable<JournalRecord> ReadTsRange(long fromTs, long toTs) =>
        Merged(() => _blocks.TsRange(fromTs, toTs),
            () => _db.Query($"SELECT {StoredRow.Columns} FROM journal WHERE ts BETWEEN $a AND $b ORDER BY seq", fromTs, toTs))
            .Select(row => row.Trusted());

    /// <summary>Up to <paramref name="max"/> records after <paramref name="afterSeq"/>, read in one short query.</summary>
    public List<JournalRecord> ReadAfter(long afterSeq, int max)
    {
        var list = new List<JournalRecord>(Math.Min(max, 1024));
        var last = afterSeq > long.MaxValue - max ? long.MaxValue : afterSeq + max;
        foreach (var row in Merged(() => _blocks.SeqRange(afterSeq + 1, last),
            () => _db.Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq > $a ORDER BY seq LIMIT $b", afterSeq, max)))
        {
            list.Add(row.Trusted());
            if (list.Count == max)
            {
                break;
            }
        }
        return list;
    }

    /// <summary>System records (event names starting with <c>$</c>) after <paramref name="afterSeq"/>, in seq order, through their own index.</summary>
    public IEnumerable<JournalRecord> ReadSystemRecords(long afterSeq = 0) =>
        Merged(() => _blocks.SystemRecords(afterSeq),
            () => _db.Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq > $a AND {JournalSchema.SystemRecordFilter} ORDER BY seq", afterSeq, 0))
            .Select(row => row.Trusted());

    /// <summary>
    /// Every record after <paramref name="afterSeq"/>: first what is committed, then live as commits land.
    /// With <paramref name="signal"/> from an in-process writer it wakes at once; otherwise it polls every few ms.
    /// </summary>
    public async IAsyncEnumerable<JournalRecord> FollowAsync(
        long afterSeq,
        Writing.CommitSignal? signal = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var position = afterSeq;
        while (!cancellation.IsCancellationRequested)
        {
            var batch = ReadAfter(position, 4096);
            foreach (var record in batch)
            {
                yield return record;
                position = record.Seq;
            }
            if (batch.Count > 0)
            {
                continue;
            }
            if (signal is not null)
            {
                await signal.WaitPastAsync(position, TimeSpan.FromMilliseconds(250), cancellation);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellation);
            }
        }
    }

    /// <summary>The sessions that wrote this journal, in order of their first record.</summary>
    public IReadOnlyList<SessionSummary> Sessions() => _db.Guard(() =>
    {
        if (!_db.HasTables())
        {
            return [];
        }
        using var snapshot = ReadSnapshot.Begin(_db.Connection);
        return SessionSummaries.Read(_db.Connection, BlocksAvailable ? _blocks : null);
    });

    /// <summary>The policy the last writer used, as it recorded it.</summary>
    public string? LastDurability => _db.Guard(() => _db.HasTables() ? JournalSchema.GetMeta(_db.Connection, "durability") : null);

    /// <summary>Rows as stored, without throwing on a bad checksum (for verification).</summary>
    internal IEnumerable<StoredRow> ReadStoredRows() => _db.Query($"SELECT {StoredRow.Columns} FROM journal ORDER BY seq", 0, 0);

    /// <summary>Every sealed block, opened or found damaged (for verification).</summary>
    internal IEnumerable<OpenedBlock> ReadBlocks() => BlocksAvailable ? _blocks.All() : [];

    /// <summary>A read transaction for several queries that must agree (verification, status).</summary>
    internal ReadSnapshot Snapshot() => _db.Guard(() => ReadSnapshot.Begin(_db.Connection));

    /// <summary>How many records and bytes the sealed blocks and the row tail hold.</summary>
    public StorageFigures Figures() => _db.Guard(() =>
    {
        if (!_db.HasTables())
        {
            return new StorageFigures(0, 0, 0, 0, 0, 0);
        }
        using var snapshot = ReadSnapshot.Begin(_db.Connection);
        using var command = _db.Connection.CreateCommand();
        var blocks = _blocks.Available
            ? "(SELECT count(*) FROM journal_blocks), (SELECT coalesce(sum(records), 0) FROM journal_blocks), (SELECT coalesce(sum(length(data)), 0) FROM journal_blocks), (SELECT coalesce(sum(args_bytes), 0) FROM journal_blocks)"
            : "0, 0, 0, 0";
        command.CommandText = $"SELECT {blocks}, (SELECT count(*) FROM journal), (SELECT coalesce(sum(length(args)), 0) FROM journal)";
        using var row = command.ExecuteReader();
        row.Read();
        return new StorageFigures(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5));
    });

    /// <summary>SQLite's own consistency check; "ok" alone when the file is sound.</summary>
    internal IReadOnlyList<string> IntegrityCheck() => _db.Guard(() =>
    {
        using var command = _db.Connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    });

    /// <summary>Records from blocks and from rows, merged in seq order, both read in one snapshot.</summary>
    private IEnumerable<StoredRow> Merged(Func<IEnumerable<StoredRow>> blocks, Func<IEnumerable<StoredRow>> rows)
    {
        if (!BlocksAvailable)
        {
            foreach (var row in rows())
            {
                yield return row;
            }
            yield break;
        }
        using var snapshot = _db.Guard(() => ReadSnapshot.Begin(_db.Connection));
        using var fromBlocks = blocks().GetEnumerator();
        using var fromRows = rows().GetEnumerator();
        var hasBlock = fromBlocks.MoveNext();
        var hasRow = fromRows.MoveNext();
        while (hasBlock || hasRow)
        {
            if (hasBlock && (!hasRow || fromBlocks.Current.Record.Seq <= fromRows.Current.Record.Seq))
            {
                yield return fromBlocks.Current;
                hasBlock = fromBlocks.MoveNext();
            }
            else
            {
                yield return fromRows.Current;
                hasRow = fromRows.MoveNext();
            }
        }
    }

    /// <summary>Whether the journal has a blocks table (a journal written before compression has none until a writer opens it).</summary>
    private bool BlocksAvailable => _db.Guard(() => _db.HasTables() && _blocks.Available);

    /// <inheritdoc/>
    public void Dispose()
    {
        _blocks.Dispose();
        _db.Dispose();
    }
}
