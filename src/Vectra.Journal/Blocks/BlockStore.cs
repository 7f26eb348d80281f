using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Seals on the writing connection: inside the caller's open transaction, inserts a block and deletes
/// the rows it holds, both or neither (checked first, or a savepoint), so a crash leaves either the rows or the block.
/// Recompression replaces whole blocks with one block of the same records the same way.
/// </summary>
internal sealed class BlockStore : IDisposable
{
    private readonly Statement _savepoint;
    private readonly Statement _release;
    private readonly Statement _rollback;
    private readonly Statement _insert;
    private readonly Statement _delete;
    private readonly Statement _count;
    private readonly Statement _overlap;
    private readonly Statement _deleteBlocks;

    public BlockStore(SqliteConnection connection)
    {
        _savepoint = new Statement(connection, "SAVEPOINT seal");
        _release = new Statement(connection, "RELEASE seal");
        _rollback = new Statement(connection, "ROLLBACK TO seal");
        _insert = new Statement(connection,
            $"INSERT INTO journal_blocks ({SealedBlock.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        _delete = new Statement(connection, "DELETE FROM journal WHERE seq BETWEEN ?1 AND ?2");
        _count = new Statement(connection, "SELECT count(*) FROM journal WHERE seq BETWEEN ?1 AND ?2");
        _overlap = new Statement(connection,
            "SELECT coalesce((SELECT last_seq FROM journal_blocks WHERE first_seq <= ?2 ORDER BY first_seq DESC LIMIT 1), 0) >= ?1");
        _deleteBlocks = new Statement(connection, "DELETE FROM journal_blocks WHERE first_seq >= ?1 AND first_seq <= ?2 AND last_seq <= ?2");
    }

    /// <summary>
    /// Stores <paramref name="block"/> in place of its rows, inside the open transaction. False (and nothing
    /// changed) when the rows are not all there as rows: the block overlaps one already stored, or a row is missing.
    /// </summary>
    /// <remarks>
    /// Checked before anything changes, so it needs no savepoint, which cost writes: 30,000 records of 4.6 KB, 12.1 KB
    /// written per record sealed with the savepoint, 7.5 KB without (BENCHMARKS.md, "seal-throughput"). Even without one,
    /// in WAL mode the delete writes the pages it frees into the log: sqlite3 3.40 wrote 350 pages of 16 KB for a delete of
    /// 1,024 such rows, as many as appending them had written, so a seal costs the writer about what the appends did.
    /// </remarks>
    public bool Seal(SealedBlock block)
    {
        if (RowsIn(block) != block.Records || Overlaps(block))
        {
            return false;
        }
        _delete.Bind(1, block.FirstSeq);
        _delete.Bind(2, block.LastSeq);
        _delete.Execute();
        if (_delete.Changes != block.Records)
        {
            // Only this transaction writes, and it just counted the rows: the journal changed under it.
            throw new InvalidOperationException($"sealing meta_seq {block.FirstSeq}..{block.LastSeq} deleted {_delete.Changes} rows, not the {block.Records} it counted.");
        }
        Insert(block);
        return true;
    }

    /// <summary>
    /// Stores <paramref name="block"/> in place of the <paramref name="blocks"/> blocks that hold exactly its records, inside the
    /// open transaction. False (and nothing changed) when those blocks are not all there, or a block reaches past its range.
    /// </summary>
    public bool Replace(SealedBlock block, int blocks) => SwapIn(block, _deleteBlocks, blocks);

    /// <summary>
    /// In a savepoint: deletes what <paramref name="delete"/> finds in the block's seq range and inserts the block, or
    /// rolls back when it did not delete exactly <paramref name="expected"/> rows or the block would overlap another.
    /// </summary>
    private bool SwapIn(SealedBlock block, Statement delete, int expected)
    {
        _savepoint.Execute();
        delete.Bind(1, block.FirstSeq);
        delete.Bind(2, block.LastSeq);
        delete.Execute();
        if (delete.Changes != expected || Overlaps(block))
        {
            _rollback.Execute();
            _release.Execute();
            return false;
        }
        Insert(block);
        _release.Execute();
        return true;
    }

    private void Insert(SealedBlock block)
    {
        _insert.Bind(1, block.FirstSeq);
        _insert.Bind(2, block.LastSeq);
        _insert.Bind(3, block.Records);
        _insert.Bind(4, block.MinTs);
        _insert.Bind(5, block.MaxTs);
        _insert.Bind(6, block.SystemRecords);
        _insert.Bind(7, block.ArgsBytes);
        _insert.Bind(8, block.Codec);
        _insert.Bind(9, block.Level);
        _insert.Bind(10, block.RawBytes);
        _insert.Bind(11, block.Checksum);
        _insert.BindBlob(12, block.Data.Span);
        _insert.Execute();
    }

    private long RowsIn(SealedBlock block)
    {
        _count.Bind(1, block.FirstSeq);
        _count.Bind(2, block.LastSeq);
        try
        {
            return _count.Step() ? _count.Int64At(0) : 0;
        }
        finally
        {
            _count.Reset();
        }
    }

    private bool Overlaps(SealedBlock block)
    {
        _overlap.Bind(1, block.FirstSeq);
        _overlap.Bind(2, block.LastSeq);
        try
        {
            return _overlap.Step() && _overlap.Int64At(0) != 0;
        }
        finally
        {
            _overlap.Reset();
        }
    }

    public void Dispose()
    {
        _savepoint.Dispose();
        _release.Dispose();
        _rollback.Dispose();
        _insert.Dispose();
        _delete.Dispose();
        _count.Dispose();
        _overlap.Dispose();
        _deleteBlocks.Dispose();
    }
}
