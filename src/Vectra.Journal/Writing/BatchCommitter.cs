using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// Writes one batch of requests in one transaction: appends get the next seqs, exact imports are checked against
/// them, seal requests store their block in place of its rows, and the session summaries are stored every so many records
/// (<see cref="SessionSummaryWriter"/>).
/// </summary>
/// <remarks>
/// Failure policy: a request that cannot be accepted (an exact import that does not continue the journal, a block
/// whose rows changed) fails alone and the rest commit. Any exception escapes with the transaction rolled back;
/// the writer then faults for good.
/// </remarks>
internal sealed class BatchCommitter(SqliteConnection connection, string walPath) : IDisposable
{
    private readonly RecordInserter _inserter = new(connection);
    private readonly BlockStore _blocks = new(connection);
    private readonly NamedPositions _positions = new(connection);
    // Prepared once: Microsoft.Data.Sqlite's BeginTransaction and Commit parse "BEGIN;" and "COMMIT;" on every call,
    // which under `always` is every append.
    private readonly Statement _begin = new(connection, "BEGIN");
    private readonly Statement _commit = new(connection, "COMMIT");
    private readonly Statement _rollback = new(connection, "ROLLBACK");
    private readonly List<(AppendRequest Request, SeqRange Range)> _accepted = [];
    private readonly SessionSummaryWriter _summaries = new(connection);
    private long _sealedBlocks;
    private long _sealedRecords;

    /// <summary>Truncates the write-ahead log after a commit when readers kept it from starting again (see <see cref="WalBound"/>).</summary>
    public WalBound Wal { get; } = new(connection, walPath);

    /// <summary>How large and how recent the commits are, which tells the sealer whether appends are piling up.</summary>
    public CommitPace Pace { get; } = new();

    /// <summary>The requests of the last commit that were stored, with their seqs, to complete once the commit is published.</summary>
    public IReadOnlyList<(AppendRequest Request, SeqRange Range)> Accepted => _accepted;

    /// <summary>Blocks committed in place of rows so far, and the records they hold.</summary>
    public (long Blocks, long Records) Sealed => (Interlocked.Read(ref _sealedBlocks), Interlocked.Read(ref _sealedRecords));

    /// <summary>Commits <paramref name="batch"/> starting at seq <paramref name="next"/>; returns the seq after the last one stored.</summary>
    public long Commit(List<AppendRequest> batch, long next, ref long appendedArgsBytes)
    {
        _accepted.Clear();
        long argsBytes = 0;
        var first = next;
        Pace.Start();
        try
        {
            _begin.Execute();
            Write(batch, ref next, ref argsBytes);
            _commit.Execute();
        }
        catch
        {
            if (connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0)
            {
                try
                {
                    _rollback.Execute();
                }
                catch (SqliteException)
                {
                    // The first error is the one to report; the writer faults on it either way.
                }
            }
            throw;
        }
        finally
        {
            Pace.Stop(next - first);
        }
        // Counted once committed: the sealer reads this and must never go looking for rows still in a transaction.
        Interlocked.Add(ref appendedArgsBytes, argsBytes);
        foreach (var (request, range) in _accepted)
        {
            if (request.Seal is not null)
            {
                Interlocked.Increment(ref _sealedBlocks);
                Interlocked.Add(ref _sealedRecords, range.Count);
            }
        }
        return next;
    }

    /// <summary>Stores the session tallies still in memory in a transaction of their own (the writer closing); <paramref name="lastSeq"/> is the journal's tail.</summary>
    public void StoreSessions(long lastSeq)
    {
        if (!_summaries.HasWaiting)
        {
            return;
        }
        _begin.Execute();
        _summaries.Store(lastSeq);
        _commit.Execute();
    }

    private void Write(List<AppendRequest> batch, ref long next, ref long argsBytes)
    {
        foreach (var request in batch)
        {
            if (request.Seal is { } block)
            {
                Seal(request, block);
                continue;
            }
            if (request.ExpectedFirstSeq != 0 && request.ExpectedFirstSeq != next)
            {
                request.TrySetException(new JournalSequenceException(
                    $"the records start at meta_seq {request.ExpectedFirstSeq}, but the journal continues at {next}. " +
                    "An exact import must continue the journal: import into an empty data folder, or from the journal's next seq."));
                continue;
            }
            var first = next;
            foreach (var record in request.Records)
            {
                _inserter.Insert(next, record);
                _summaries.Tally(record, next);
                next++;
            }
            foreach (var position in request.Positions)
            {
                _positions.Upsert(position);
            }
            _accepted.Add((request, new SeqRange(first, next - 1)));
            argsBytes += request.ByteCount;
        }
        _summaries.StoreIfDue(next - 1);
    }

    private void Seal(AppendRequest request, SealedBlock block)
    {
        if (_blocks.Seal(block))
        {
            _accepted.Add((request, new SeqRange(block.FirstSeq, block.LastSeq)));
        }
        else
        {
            request.TrySetException(new JournalSequenceException(
                $"meta_seq {block.FirstSeq}..{block.LastSeq} are not all rows any more; the block was not stored."));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _inserter.Dispose();
        _blocks.Dispose();
        _positions.Dispose();
        _summaries.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
    }
}
