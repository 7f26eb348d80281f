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
/// Measures a full rebuild of the chosen projections over a simulated journal, and in the same run the bare
/// cost of the data: reading the journal, a Utf8JsonReader pass over every token of the same payloads
/// already in memory, and that pass fed from the journal (what a rebuild without projections would cost).
/// Every pass runs <c>repeat</c> times and its best time counts, so one slow moment on a shared machine
/// does not decide a ratio. The ratios say how much the projections add on top of parsing.
/// </summary>
internal sealed class RebuildBenchmark(string folder, int games, ulong seed, IReadOnlySet<string>? only, int repeat)
{
    public long PayloadBytes { get; private set; }

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

        var read = Best("journal read (CRC checked)", records, log, () =>
        {
            using var reader = JournalReader.Open(folder);
            long bytes = 0;
            foreach (var record in reader.ReadSeqRange(1, long.MaxValue))
            {
                bytes += record.Args.Length;
            }
            PayloadBytes = bytes;
        });

        var payloads = LoadPayloads();
        var scan = Best("bare Utf8JsonReader scan (in memory)", records, log, () =>
        {
            foreach (var payload in payloads)
            {
                CountTokens(payload);
            }
        });
        // The payloads are garbage from here on; collected now so that no later pass pays for them.
        payloads = null;
        GC.Collect();

        var scanFromJournal = Best("journal read + bare scan", records, log, () =>
        {
            using var reader = JournalReader.Open(folder);
            foreach (var record in reader.ReadSeqRange(1, long.MaxValue))
            {
                CountTokens(record.Args);
            }
        });

        // The rebuild is what `vectra rebuild` runs: every projection of the catalog, which leaves out the events export
        // (written on demand by `vectra export events`); that is timed as a pass of its own, so both figures are shown.
        var catalog = only is null ? ProjectionCatalog.All() : ProjectionCatalog.AllWithEvents().Where(p => only.Contains(p.Name)).ToArray();
        var exports = catalog.Select(p => p.Name).Where(n => n.StartsWith("export.", StringComparison.Ordinal)).Select(n => n["export.".Length..]);
        var name = $"vectra rebuild ({(only is null ? "all projections" : string.Join(", ", only))}; exports: {string.Join(", ", exports.DefaultIfEmpty("none"))})";
        var rebuild = Best(name, records, log, () =>
        {
            using var runner = ProjectionRunner.Open(folder, catalog);
            runner.Reset();
            runner.CatchUp();
        });
        if (only is not null)
        {
            return [read, scan, scanFromJournal, rebuild];
        }
        var events = Best("vectra export events --rebuild", records, log, () =>
        {
            using var runner = ProjectionRunner.Open(folder, ProjectionCatalog.Events());
            runner.Reset();
            runner.CatchUp();
        });
        return [read, scan, scanFromJournal, rebuild, events];
    }

    private BenchResult Best(string name, long records, Action<string> log, Action pass)
    {
        var best = double.MaxValue;
        for (var run = 1; run <= repeat; run++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            var seconds = clock.Elapsed.TotalSeconds;
            log($"{name}: run {run} of {repeat}, {seconds:F2} s");
            best = Math.Min(best, seconds);
        }
        return BenchResult.From(name, records, best, null);
    }

    private List<byte[]> LoadPayloads()
    {
        using var reader = JournalReader.Open(folder);
        return [.. reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Args)];
    }

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
