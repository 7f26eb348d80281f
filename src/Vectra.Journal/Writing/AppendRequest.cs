using Vectra.Journal.Blocks;
using Vectra.Journal.Records;

namespace Vectra.Journal.Writing;

/// <summary>
/// Records waiting for the writer, completed with their seqs once durable. It is its own completion
/// source, so an append costs one allocation besides the task. A request may instead carry a sealed
/// block from the sealer, which the writer stores in place of its rows inside the same commit.
/// </summary>
internal sealed class AppendRequest : TaskCompletionSource<SeqRange>
{
    public AppendRequest(IReadOnlyList<NewRecord> records, long expectedFirstSeq, IReadOnlyList<JournalPosition>? positions = null)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Records = records;
        ExpectedFirstSeq = expectedFirstSeq;
        Positions = positions ?? [];
        for (var i = 0; i < records.Count; i++)
        {
            ByteCount += records[i].Args.Length;
        }
    }

    /// <summary>A request to store <paramref name="block"/> in place of its rows; completes with the block's seqs.</summary>
    public AppendRequest(SealedBlock block)
        : this([], 0) => Seal = block;

    public IReadOnlyList<NewRecord> Records { get; }

    /// <summary>The block to store, for a seal request; null for an append.</summary>
    public SealedBlock? Seal { get; }

    /// <summary>For exact imports: the seq the first record must receive; 0 when the writer assigns it.</summary>
    public long ExpectedFirstSeq { get; }

    public long ByteCount { get; }

    /// <summary>Named positions stored in the same transaction as <see cref="Records"/>.</summary>
    public IReadOnlyList<JournalPosition> Positions { get; }
}
