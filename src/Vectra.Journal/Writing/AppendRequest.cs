using Vectra.Journal.Records;

namespace Vectra.Journal.Writing;

/// <summary>
/// Records waiting for the writer, completed with their seqs once durable. It is its own completion
/// source, so an append costs one allocation besides the task.
/// </summary>
internal sealed class AppendRequest : TaskCompletionSource<SeqRange>
{
    public AppendRequest(IReadOnlyList<NewRecord> records, long expectedFirstSeq)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Records = records;
        ExpectedFirstSeq = expectedFirstSeq;
        for (var i = 0; i < records.Count; i++)
        {
            ByteCount += records[i].Args.Length;
        }
    }

    public IReadOnlyList<NewRecord> Records { get; }

    /// <summary>For exact imports: the seq the first record must receive; 0 when the writer assigns it.</summary>
    public long ExpectedFirstSeq { get; }

    public long ByteCount { get; }
}
