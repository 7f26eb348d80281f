using Microsoft.Data.Sqlite;
using Vectra.Journal.CrashChild;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Tests.Crash;
using Vectra.Journal.Verification;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>
/// Crash points for one durability policy: a crash child appends under the recording shim and is
/// killed at a random moment, a power cut at some point of its log is applied to its files, and every
/// record acknowledged before that point (in this round or any before) is looked up with the product's
/// reader and <c>verify</c>.
/// </summary>
internal static class PowerLossRun
{
    private const int MaxAcksBeforeKill = 100;
    private const string DatabaseFile = "journal.db";

    /// <summary>
    /// Runs <paramref name="crashPoints"/> cuts. With <paramref name="startFromDurableJournal"/> the folder
    /// first gets a journal from an <c>always</c> child killed without the shim, taken as what the disk
    /// holds; otherwise the first child creates the journal under the shim.
    /// </summary>
    public static async Task<PowerLossOutcome> RunAsync(string durability, int writers, int crashPoints, int seed, bool startFromDurableJournal = false)
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        Directory.CreateDirectory(data);
        var random = new Random(seed);
        var outcome = new PowerLossOutcome(durability);
        var acknowledged = new Dictionary<long, long>();
        long tail = 0;
        if (startFromDurableJournal)
        {
            foreach (var (seq, index) in await WriteDurableJournalAsync(data))
            {
                acknowledged[seq] = index;
                tail = Math.Max(tail, seq);
            }
        }
        var start = PowerCut.ModelledFiles(data);
        for (var point = 0; point < crashPoints; point++)
        {
            var log = folder.File($"operations-{point}.log");
            var seenByTest = await RunUntilKilledAsync(data, log, point, durability, writers, tail, random, outcome);
            if (seenByTest is null)
            {
                break;
            }
            var operations = FileOperationLog.Read(log);
            var replay = PowerCut.Replay(start, operations);
            var unexplained = replay.DifferencesFromDisk(data).ToList();
            var printed = FileOperationLog.AcksAmong(operations, operations.Count);
            unexplained.AddRange(seenByTest.Except(printed).Take(1).Select(ack => $"the child printed ack {ack.Seq} but the log has no such output"));
            if (unexplained.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{durability} crash point {point}: the shim's log does not explain what the child did, so no power cut can be simulated: {string.Join("; ", unexplained)}");
            }
            var (cutAt, when) = ChooseCutPosition(operations, random, outcome);
            var cut = (cutAt == operations.Count ? replay : PowerCut.Replay(start, operations.Take(cutAt).ToList())).Cut(random);
            var acks = FileOperationLog.AcksAmong(operations, cutAt);
            Replace(data, cut.Files);
            File.Delete(log);
            outcome.CrashPoints++;
            outcome.Acknowledged += acks.Count;
            outcome.UnsyncedChangesCut += cut.ChangesCut;
            foreach (var (seq, index) in acks)
            {
                acknowledged[seq] = index;
            }
            var crashPoint = $"crash point {point} ({when}, {acks.Count} acks printed before it; {cut.Description})";
            outcome.Cuts.Add(crashPoint);
            tail = CheckAcknowledged(data, acknowledged, crashPoint, outcome);
            start = PowerCut.ModelledFiles(data);
        }
        return outcome;
    }

    /// <summary>
    /// How many logged operations happen before the power fails; the rest never happen. If the child
    /// wrote journal.db (creating it, or a checkpoint, which the kill itself almost never lands in: no
    /// ack arrives meanwhile), usually a point among those writes; otherwise the kill or any point.
    /// </summary>
    private static (int Position, string When) ChooseCutPosition(IReadOnlyList<FileOperation> operations, Random random, PowerLossOutcome outcome)
    {
        var databaseWrites = Enumerable.Range(0, operations.Count)
            .Where(i => operations[i] is { Kind: FileOperationKind.Write, Name: DatabaseFile })
            .ToList();
        if (databaseWrites.Count > 0 && random.Next(3) > 0)
        {
            outcome.CutsWhileWritingDatabase++;
            var position = databaseWrites[random.Next(databaseWrites.Count)] + random.Next(2);
            return (position, $"cut at operation {position} of {operations.Count}, amid {databaseWrites.Count} journal.db writes");
        }
        if (random.Next(2) == 0)
        {
            return (operations.Count, $"cut at the kill, after {operations.Count} operations");
        }
        var anywhere = random.Next(operations.Count + 1);
        return (anywhere, $"cut at operation {anywhere} of {operations.Count}");
    }

    /// <summary>The child's acks, or null when it could not open the journal (recorded as damage: no crash point can follow).</summary>
    private static async Task<(long Seq, long Index)[]?> RunUntilKilledAsync(
        string data, string log, int point, string durability, int writers, long tail, Random random, PowerLossOutcome outcome)
    {
        using var child = new CrashChildProcess(data, firstIndex: point * 1_000_000L, durability, writers, FileOperationRecorder.EnvironmentFor(data, log));
        var opened = await child.WaitForOpenAsync(TimeSpan.FromSeconds(60));
        if (opened is null)
        {
            child.Kill();
            var error = child.Errors.FirstOrDefault(line => line.StartsWith("Unhandled exception", StringComparison.Ordinal)) ?? string.Join(' ', child.Errors);
            outcome.Damage.Add($"crash point {point}: the writer could not open the journal the last cut left: {error}");
            return null;
        }
        if (opened != tail)
        {
            outcome.Damage.Add($"crash point {point}: the writer reopened at seq {opened}, the reader had seen {tail}");
        }
        await child.WaitForAcksAsync(random.Next(0, MaxAcksBeforeKill), TimeSpan.FromSeconds(30));
        await Task.Delay(random.Next(0, 20));
        child.Kill();
        return child.Acks.ToArray();
    }

    /// <summary>A journal whose every file, the WAL included, is on disk and named there: written by a SIGKILLed child, no power cut.</summary>
    private static async Task<(long Seq, long Index)[]> WriteDurableJournalAsync(string data)
    {
        using var child = new CrashChildProcess(data, firstIndex: 900_000_000L, "always");
        await child.Opened.WaitAsync(TimeSpan.FromSeconds(60));
        await child.WaitForAcksAsync(50, TimeSpan.FromSeconds(30));
        child.Kill();
        return child.Acks.ToArray();
    }

    /// <summary>The data folder as the power cut left it: nothing else survives, not even the wal-index.</summary>
    private static void Replace(string data, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var path in Directory.GetFiles(data))
        {
            File.Delete(path);
        }
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(data, name), bytes);
        }
    }

    /// <summary>Looks up every acknowledged record with the product's reader; returns the journal's tail.</summary>
    private static long CheckAcknowledged(string data, Dictionary<long, long> acknowledged, string crashPoint, PowerLossOutcome outcome)
    {
        var stored = new Dictionary<long, byte[]>();
        var damageBefore = outcome.Damage.Count;
        try
        {
            var report = JournalVerifier.Verify(data);
            if (!report.Clean)
            {
                outcome.Damage.Add($"{crashPoint}: verify found {report.BadChecksums.Count} bad checksums, {report.MissingRanges.Count} gaps, " +
                    $"{report.DuplicateSeqs.Count} duplicates, {string.Join("; ", report.IntegrityProblems)}");
            }
            using var reader = JournalReader.Open(data);
            stored = reader.ReadSeqRange(1, long.MaxValue).ToDictionary(record => record.Seq, record => record.Args);
        }
        catch (Exception e) when (e is SqliteException or JournalException)
        {
            outcome.Damage.Add($"{crashPoint}: the journal cannot be read: {e.Message}");
        }
        outcome.AcknowledgedChecks += acknowledged.Count;
        var lost = acknowledged
            .Where(ack => !stored.TryGetValue(ack.Key, out var args) || !args.AsSpan().SequenceEqual(CrashPayload.For(ack.Value)))
            .Select(ack => ack.Key)
            .Order()
            .ToList();
        if (lost.Count > 0)
        {
            outcome.Lost += lost.Count;
            outcome.LossesFromCleanJournals += outcome.Damage.Count == damageBefore ? 1 : 0;
            outcome.Losses.Add($"{crashPoint}: {lost.Count} acknowledged records lost, seqs {lost[0]}..{lost[^1]}; the journal now ends at {(stored.Count == 0 ? 0 : stored.Keys.Max())}");
            lost.ForEach(seq => acknowledged.Remove(seq));
        }
        return stored.Count == 0 ? 0 : stored.Keys.Max();
    }
}
