using System.Diagnostics;
using System.Text.Json;
using Vectra.Journal;
using Vectra.Journal.Reading;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Bench;

/// <summary>
/// Measures a full rebuild of every projection over a simulated journal, and in the same run the bare
/// cost of the data: reading the journal, a Utf8JsonReader pass over every token of the same payloads
/// already in memory, and that pass fed from the journal (what a rebuild without projections would cost).
/// The ratios say how much the projections add on top of parsing.
/// </summary>
internal sealed class RebuildBenchmark(string folder, int games, ulong seed, IReadOnlySet<string>? only)
{
    public async Task<IReadOnlyList<BenchResult>> RunAsync(Action<string> log)
    {
        log($"simulating {games:N0} games into a journal…");
        long records = 0;
        using (var writer = JournalWriter.Open(folder, Durability.None))
        {
            foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(games, seed)).Chunk(4000))
            {
                records += (await writer.AppendExactAsync(chunk)).Count;
            }
        }
        log("reading the journal…");
        var payloads = new List<byte[]>((int)records);
        var clock = Stopwatch.StartNew();
        using (var reader = JournalReader.Open(folder))
        {
            payloads.AddRange(reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Args));
        }
        var read = BenchResult.From("journal read (CRC checked)", records, clock.Elapsed.TotalSeconds, null);
        log("bare Utf8JsonReader scan of the payloads in memory…");
        clock.Restart();
        foreach (var payload in payloads)
        {
            CountTokens(payload);
        }
        var scan = BenchResult.From("bare Utf8JsonReader scan (in memory)", records, clock.Elapsed.TotalSeconds, null);
        PayloadBytes = payloads.Sum(p => (long)p.Length);
        payloads.Clear();
        log("bare Utf8JsonReader scan fed from the journal…");
        clock.Restart();
        using (var reader = JournalReader.Open(folder))
        {
            foreach (var record in reader.ReadSeqRange(1, long.MaxValue))
            {
                CountTokens(record.Args);
            }
        }
        var scanFromJournal = BenchResult.From("journal read + bare scan", records, clock.Elapsed.TotalSeconds, null);
        log("full rebuild of every projection…");
        clock.Restart();
        var projections = ProjectionCatalog.All().Where(p => only is null || only.Contains(p.Name)).ToArray();
        using (var runner = ProjectionRunner.Open(folder, projections))
        {
            runner.Reset();
            runner.CatchUp();
        }
        var rebuild = BenchResult.From($"vectra rebuild ({(only is null ? "all projections" : string.Join(", ", only))})", records, clock.Elapsed.TotalSeconds, null);
        return [read, scan, scanFromJournal, rebuild];
    }

    public long PayloadBytes { get; private set; }

    private static long CountTokens(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload);
        long count = 0;
        while (reader.Read())
        {
            count++;
        }
        return count;
    }
}
