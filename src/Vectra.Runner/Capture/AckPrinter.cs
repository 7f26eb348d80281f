using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary><c>--print-acks</c>: one <c>ack SEQ</c> line on stdout per durable record, flushed per batch, so a crash test knows what was acknowledged.</summary>
internal sealed class AckPrinter(TextWriter output) : IDurableRecordsObserver
{
    public void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs)
    {
        for (var seq = seqs.First; seq <= seqs.Last; seq++)
        {
            output.Write("ack ");
            output.Write(seq);
            output.Write('\n');
        }
        output.Flush();
    }
}
