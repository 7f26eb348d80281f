using System.CommandLine;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Runner.Capture;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra status</c>: what the journal holds and who writes it.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Show the journal: record count, first and last meta_seq and meta_ts, bytes on disk, sessions, durability policy, the writer if one runs.")
        {
            json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, bool json)
    {
        var status = JournalStatus.Read(data);
        var (projections, viewsProblem) = ReadProjections(data, status.LastSeq);
        var exitCode = viewsProblem?.Code ?? ExitCodes.Ok;
        if (viewsProblem is { } views)
        {
            Console.Error.WriteLine($"vectra: {views.Message}");
        }
        var capture = ReadCaptureHistory(data, status);
        var runners = viewsProblem is null ? Vectra.Projections.CaptureHealth.RunnerCoverage.Read(data) : null;
        if (json)
        {
            ConsoleJson.Print(new
            {
                dataDirectory = status.DataDirectory,
                records = status.Records,
                firstSeq = status.FirstSeq,
                lastSeq = status.LastSeq,
                firstTs = Iso(status.FirstTs),
                lastTs = Iso(status.LastTs),
                bytesOnDisk = status.BytesOnDisk,
                storage = new
                {
                    blocks = status.Storage.Blocks,
                    blockRecords = status.Storage.BlockRecords,
                    blockBytes = status.Storage.BlockBytes,
                    blockRawJsonBytes = status.Storage.BlockRawBytes,
                    blockRatio = Math.Round(status.Storage.BlockRatio, 2),
                    tailRecords = status.Storage.TailRecords,
                    tailBytes = status.Storage.TailBytes,
                    tailRawJsonBytes = status.Storage.TailBytes,
                },
                durability = status.Durability,
                writer = status.Writer,
                sessions = status.Sessions.Select(s => new
                {
                    session = s.Session,
                    source = s.Source,
                    firstSeq = s.FirstSeq,
                    lastSeq = s.LastSeq,
                    records = s.Records,
                    firstTs = MetaTime.ToIso(s.FirstTs),
                    lastTs = MetaTime.ToIso(s.LastTs),
                }),
                projections = projections.Select(p => new { name = p.Name, version = p.Version, checkpoint = p.Checkpoint, lag = p.Lag, quarantined = p.Quarantined }),
                viewsProblem = viewsProblem?.Message,
                capture = new
                {
                    sessions = capture.Sessions,
                    cleanStops = capture.CleanStops,
                    connections = capture.Connections,
                    retries = capture.Retries,
                    lostFrames = capture.LostFrames,
                    blindSeconds = capture.BlindMicros / 1e6,
                },
                runners = runners is null ? null : new
                {
                    perRunner = runners.Runners.Select(r => new { source = r.Source, sessions = r.Sessions, connections = r.Connections, blindSeconds = r.BlindMicros / 1e6 }),
                    noRunnerSeconds = runners.UncoveredMicros / 1e6,
                    noRunner = runners.Uncovered.Select(u => new { from = MetaTime.ToIso(u.From), to = MetaTime.ToIso(u.To) }),
                },
            });
            return exitCode;
        }
        Console.WriteLine($"journal     {Path.Combine(status.DataDirectory, "journal.db")}");
        Console.WriteLine($"records     {status.Records:N0}");
        Console.WriteLine($"meta_seq    {status.FirstSeq}..{status.LastSeq}");
        Console.WriteLine($"meta_ts     {Iso(status.FirstTs) ?? "-"} .. {Iso(status.LastTs) ?? "-"}");
        Console.WriteLine($"on disk     {status.BytesOnDisk:N0} bytes");
        var storage = status.Storage;
        Console.WriteLine($"sealed      {storage.BlockRecords:N0} records in {storage.Blocks:N0} zstd blocks: {storage.BlockBytes:N0} bytes holding {storage.BlockRawBytes:N0} bytes of raw JSON (ratio {storage.BlockRatio:F1}x)");
        Console.WriteLine($"tail        {storage.TailRecords:N0} records as rows: {storage.TailBytes:N0} bytes of raw JSON, uncompressed (ratio 1.0x)");
        Console.WriteLine($"durability  {status.Durability ?? "-"} (policy of the last writer)");
        Console.WriteLine($"writer      {status.Writer ?? "none running"}");
        Console.WriteLine($"sessions    {status.Sessions.Count}");
        foreach (var s in status.Sessions)
        {
            Console.WriteLine($"  {s.Session}  {s.Source,-16} seq {s.FirstSeq}..{s.LastSeq}  {s.Records:N0} records  {MetaTime.ToIso(s.FirstTs)} .. {MetaTime.ToIso(s.LastTs)}");
        }
        Console.WriteLine($"projections {(viewsProblem is { } problem ? problem.Message : projections.Count == 0 ? "none run yet (vectra project)" : "")}");
        foreach (var p in projections)
        {
            Console.WriteLine($"  {p.Name,-12} v{p.Version}  checkpoint {p.Checkpoint:N0}  lag {p.Lag:N0}  quarantined {p.Quarantined:N0}");
        }
        Console.WriteLine($"capture     {capture.Sessions} sessions ({capture.CleanStops} stopped cleanly), {capture.Connections} connections, {capture.Retries} retries, blind {TimeSpan.FromMicroseconds(capture.BlindMicros):g}, {capture.LostFrames:N0} frames lost to overflow");
        RunnerCoverageText.Print(runners);
        return exitCode;
    }

    /// <summary>The projections' states; a damaged or unusable views.db is reported beside the journal's figures rather than hiding them.</summary>
    private static (IReadOnlyList<ProjectionState> States, (int Code, string Message)? Problem) ReadProjections(string data, long lastSeq)
    {
        try
        {
            return (ProjectionStates.Read(data, lastSeq), null);
        }
        catch (SqliteException error)
        {
            return ([], CommandFailure.Describe(error));
        }
    }

    private static CaptureHistory ReadCaptureHistory(string data, JournalStatus status)
    {
        using var reader = JournalReader.Open(data);
        var lastTs = status.Sessions.ToDictionary(s => s.Session, s => s.LastTs);
        return CaptureHistory.From(reader.ReadSystemRecords(), session => lastTs.TryGetValue(session, out var ts) ? ts : null);
    }

    private static string? Iso(long? micros) => micros is { } value ? MetaTime.ToIso(value) : null;
}
