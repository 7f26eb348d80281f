using System.CommandLine;
using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench append</c>: journal append speed beside the disk's raw limits.</summary>
internal static class BenchAppendCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many records to append.", DefaultValueFactory = _ => 100_000 };
        var payload = new Option<int>("--payload-bytes") { Description = "Size of each record's args JSON in bytes (at least 12).", DefaultValueFactory = _ => 256 };
        var durability = new Option<string>("--durability") { Description = "always | batch | none", DefaultValueFactory = _ => "batch" };
        var writers = new Option<int>("--writers") { Description = "Concurrent appenders.", DefaultValueFactory = _ => 1 };
        var inflight = new Option<int>("--inflight") { Description = "Appends each writer keeps outstanding (1 = wait for each acknowledgement before the next).", DefaultValueFactory = _ => 1 };
        var noSeal = new Option<bool>("--no-seal") { Description = "Run the journal without its sealer (records stay rows), to see what sealing beside the appends costs; the default seals as a capture does." };
        var json = CommonOptions.Json();
        var command = new Command("append", "Measure appends/s and acknowledgement latency p50/p99, and in the same run the bare limits on the same disk with the same record size: write+fdatasync on a preallocated file, and SQLite inserts through the journal's own opener and prepared statement (1 row/txn, 1,000 rows/txn, and as many rows/txn as the journal's commits carried). Works in a scratch folder under --data, removed afterwards.")
        {
            events, payload, durability, writers, inflight, noSeal, json,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(events), parse.GetValue(payload),
            parse.GetRequiredValue(durability), parse.GetValue(writers), parse.GetValue(inflight), parse.GetValue(noSeal), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, int events, int payloadBytes, string durabilityName, int writers, int inflight, bool noSeal, bool json)
    {
        var durability = Durability.TryParse(durabilityName) ?? throw new UsageException($"--durability {durabilityName} is not a policy; use always, batch or none.");
        if (events < 1 || writers < 1 || inflight < 1 || payloadBytes < 12)
        {
            throw new UsageException("--events, --writers and --inflight must be at least 1, --payload-bytes at least 12.");
        }
        var folder = Path.Combine(data, "bench-append-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var benchmark = new AppendBenchmark(folder, events, payloadBytes, durability, writers, inflight, noSeal ? SealPolicy.Off : SealPolicy.Default);
            var results = benchmark.RunAsync(line => Console.Error.WriteLine(line)).GetAwaiter().GetResult();
            var journal = results.Journal;
            var report = new
            {
                command = $"vectra bench append --events {events} --payload-bytes {payloadBytes} --durability {durability.Name} --writers {writers}" + (inflight > 1 ? $" --inflight {inflight}" : "") + (noSeal ? " --no-seal" : ""),
                machine = MachineDescription.Describe(),
                argsBytes = benchmark.Args.Length,
                recordsPerCommit = Math.Round(results.RecordsPerCommit, 1),
                warmUpAppends = results.WarmUpAppends,
                results = results.All.Select(r => new { name = r.Name, operations = r.Operations, seconds = Math.Round(r.Seconds, 3), perSecond = Math.Round(r.PerSecond), p50Ms = Math.Round(r.P50Ms, 4), p99Ms = Math.Round(r.P99Ms, 4) }),
                ackP50VsRawSyncP50 = Math.Round(journal.P50Ms / results.RawSync.P50Ms, 2),
                ackP50VsRawFsyncP50 = Math.Round(journal.P50Ms / results.RawFullSync.P50Ms, 2),
                ackP50VsBareOneRowP50 = Math.Round(journal.P50Ms / results.BareOneRow.P50Ms, 2),
                appendRateVsBareBatched = Math.Round(journal.PerSecond / results.BareBatched.PerSecond, 2),
                appendRateVsBareLikeJournal = Math.Round(journal.PerSecond / results.BareLikeJournal.PerSecond, 2),
            };
            if (json)
            {
                ConsoleJson.Print(report);
                return ExitCodes.Ok;
            }
            Console.WriteLine(report.command);
            Console.WriteLine($"machine: {report.machine}; args {report.argsBytes} bytes");
            Console.WriteLine($"{"loop",-48} {"ops",10} {"ops/s",12} {"p50 ms",9} {"p99 ms",9}");
            foreach (var r in results.All)
            {
                Console.WriteLine($"{r.Name,-48} {r.Operations,10:N0} {r.PerSecond,12:N0} {r.P50Ms,9:F3} {r.P99Ms,9:F3}");
            }
            Console.WriteLine($"journal records per commit: {report.recordsPerCommit:F1} (timed after {report.warmUpAppends:N0} untimed appends into a journal of their own)");
            Console.WriteLine($"journal ack p50 / raw fdatasync p50: {report.ackP50VsRawSyncP50:F2}×; / raw fsync p50 (SQLite's call): {report.ackP50VsRawFsyncP50:F2}×; / bare 1 row/txn p50: {report.ackP50VsBareOneRowP50:F2}×");
            Console.WriteLine($"journal appends/s / bare {AppendBenchmark.BareBatchRows} rows/txn: {report.appendRateVsBareBatched:F2}; / bare at the journal's rows per commit: {report.appendRateVsBareLikeJournal:F2}");
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
