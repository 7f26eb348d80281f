using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Journal.CrashChild;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

// Usage: CrashChild DATA_DIR FIRST_INDEX DURABILITY [WRITERS [SEAL_TAIL SEAL_BLOCK]]
// Appends records for FIRST_INDEX, FIRST_INDEX+1, … until killed, printing "ack SEQ INDEX" for each
// acknowledged append (stdout is flushed per line, so the test sees every ack before it kills).
var data = args[0];
var index = long.Parse(args[1]);
var durability = Durability.TryParse(args[2]) ?? throw new ArgumentException("durability");
var writers = args.Length > 3 ? int.Parse(args[3]) : 1;
// Sealing forced early (a tail of SEAL_TAIL records, blocks of SEAL_BLOCK, never giving way to the busy writer), so kills land inside seals too.
var sealing = args.Length > 5 ? new SealPolicy { MaxTailRecords = int.Parse(args[4]), BlockRecords = int.Parse(args[5]), BacklogSealInterval = TimeSpan.Zero } : SealPolicy.Default;
var session = Guid.NewGuid();
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
using var writer = JournalWriter.Open(data, durability, sealing);
stdout.WriteLine($"open {writer.Tail}");
var gate = new object();
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var mine = Interlocked.Increment(ref index) - 1;
        var seq = await writer.AppendAsync(new NewRecord("crash", CrashPayload.For(mine), mine, session, 1, "test"));
        lock (gate)
        {
            stdout.WriteLine($"ack {seq} {mine}");
        }
    }
})));
