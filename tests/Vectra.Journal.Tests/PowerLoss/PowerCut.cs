namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>
/// The files of a data folder as one crash child left them, rebuilt from the files it started with
/// and the shim's log: what the page cache held when it was killed (to check the log explains every
/// byte), and what a power cut at that moment may leave on disk.
/// </summary>
/// <remarks>
/// The disk model is the strict one POSIX allows: a file's bytes and size are durable as of its last
/// successful fsync/fdatasync; a name created or removed is durable only once the folder itself has
/// been fsynced since (SQLite does that after creating its WAL and rollback journal); anything later
/// may be lost, kept in part, torn or reordered (<see cref="UnsyncedFate"/>). Tearing stays inside the
/// bytes a write covered, the "powersafe overwrite" SQLite assumes. SQLite's wal-index (<c>-shm</c>)
/// is shared memory that SQLite rebuilds from the WAL after a crash, so it is left out of the model
/// and removed by the cut.
/// </remarks>
internal sealed class PowerCut
{
    private readonly Dictionary<string, FileHistory> _current;
    private readonly Dictionary<string, FileHistory> _durableNames;
    private readonly FileOperation? _last;

    private PowerCut(Dictionary<string, FileHistory> current, Dictionary<string, FileHistory> durableNames, FileOperation? last)
    {
        _current = current;
        _durableNames = durableNames;
        _last = last;
    }

    public static bool IsModelled(string name) => !name.EndsWith("-shm", StringComparison.Ordinal);

    /// <summary>Replays <paramref name="log"/> over the files the child started with (all durable: they are what the disk held).</summary>
    public static PowerCut Replay(IReadOnlyDictionary<string, byte[]> start, IReadOnlyList<FileOperation> log)
    {
        var current = start.ToDictionary(file => file.Key, file => new FileHistory(file.Value));
        var durableNames = new Dictionary<string, FileHistory>(current);
        foreach (var operation in log)
        {
            if (operation.Kind == FileOperationKind.DirectorySync)
            {
                durableNames = new Dictionary<string, FileHistory>(current);
                continue;
            }
            if (operation.Kind == FileOperationKind.Output || !IsModelled(operation.Name))
            {
                continue;
            }
            switch (operation.Kind)
            {
                case FileOperationKind.Create:
                    if (!current.TryAdd(operation.Name, new FileHistory([])))
                    {
                        throw new InvalidOperationException($"the log creates {operation.Name}, which already exists");
                    }
                    break;
                case FileOperationKind.Unlink:
                    if (!current.Remove(operation.Name))
                    {
                        throw new InvalidOperationException($"the log removes {operation.Name}, which does not exist");
                    }
                    break;
                case FileOperationKind.Sync:
                    HistoryOf(current, operation).MarkSynced();
                    break;
                default:
                    HistoryOf(current, operation).Add(operation);
                    break;
            }
        }
        return new PowerCut(current, durableNames, log.Count > 0 ? log[^1] : null);
    }

    /// <summary>
    /// Where the files in <paramref name="dataDirectory"/> differ from the replayed log: empty when the
    /// shim saw every change. The log's last record may be a write the kill stopped before or during.
    /// </summary>
    public IReadOnlyList<string> DifferencesFromDisk(string dataDirectory)
    {
        var differences = new List<string>();
        var onDisk = ModelledFiles(dataDirectory);
        differences.AddRange(onDisk.Keys.Except(_current.Keys).Select(name => $"{name} exists but the log never created it"));
        differences.AddRange(_current.Keys.Except(onDisk.Keys).Select(name => $"{name} is missing but the log never removed it"));
        foreach (var (name, history) in _current)
        {
            if (!onDisk.TryGetValue(name, out var actual))
            {
                continue;
            }
            var expected = history.Rebuild(history.Changes.Count);
            if (actual.AsSpan().SequenceEqual(expected.Bytes))
            {
                continue;
            }
            var lastChangeIsHere = _last is { ChangesContent: true } && _last.Name == name && history.Changes.Count > 0;
            if (lastChangeIsHere && IsPartlyApplied(actual, history.Rebuild(history.Changes.Count - 1).Bytes, expected.Bytes, history.Changes[^1]))
            {
                continue;
            }
            differences.Add($"{name} holds {actual.Length} bytes that differ from the {expected.Bytes.Length} the log accounts for");
        }
        return differences;
    }

    /// <summary>What a power cut at the kill leaves: each durable name with its synced bytes, plus some of its unsynced writes.</summary>
    public PowerCutOutcome Cut(Random random)
    {
        var files = new Dictionary<string, byte[]>();
        var notes = new List<string>();
        var changesCut = 0;
        foreach (var (name, history) in _durableNames.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            var image = history.Rebuild(history.SyncedChanges);
            var unsynced = history.Changes.Skip(history.SyncedChanges).ToList();
            var fate = (UnsyncedFate)random.Next(3);
            var kept = Survivors(unsynced, fate, random);
            foreach (var change in kept)
            {
                image.Apply(change);
            }
            files[name] = image.ToArray();
            changesCut += unsynced.Count - kept.Count(unsynced.Contains);
            if (unsynced.Count > 0)
            {
                notes.Add($"{name}: {fate}, {kept.Count} of {unsynced.Count} unsynced changes kept");
            }
        }
        notes.AddRange(_current.Keys.Except(_durableNames.Keys).Select(name => $"{name}: created after the folder's last fsync, gone"));
        notes.AddRange(_durableNames.Keys.Except(_current.Keys).Select(name => $"{name}: removed after the folder's last fsync, back"));
        return new PowerCutOutcome(files, changesCut, string.Join("; ", notes));
    }

    private static List<FileOperation> Survivors(List<FileOperation> unsynced, UnsyncedFate fate, Random random)
    {
        switch (fate)
        {
            case UnsyncedFate.TornPrefix:
                var whole = random.Next(unsynced.Count + 1);
                var kept = unsynced.Take(whole).ToList();
                if (whole < unsynced.Count && unsynced[whole] is { Kind: FileOperationKind.Write, Length: > 1 } torn)
                {
                    kept.Add(torn.CutTo(random.Next(1, (int)torn.Length)));
                }
                return kept;
            case UnsyncedFate.Scattered:
                return unsynced.Where(_ => random.Next(2) == 0).ToList();
            default:
                return [];
        }
    }

    private static FileHistory HistoryOf(Dictionary<string, FileHistory> current, FileOperation operation) =>
        current.TryGetValue(operation.Name, out var history)
            ? history
            : throw new InvalidOperationException($"the log changes {operation.Name}, which does not exist");

    /// <summary>The files the model covers, by name, with their bytes.</summary>
    public static Dictionary<string, byte[]> ModelledFiles(string dataDirectory) =>
        Directory.GetFiles(dataDirectory)
            .Where(path => IsModelled(Path.GetFileName(path)))
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    /// <summary>True when <paramref name="actual"/> is <paramref name="before"/> with part of <paramref name="change"/> applied.</summary>
    private static bool IsPartlyApplied(byte[] actual, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after, FileOperation change)
    {
        if (actual.Length < Math.Min(before.Length, after.Length) || actual.Length > Math.Max(before.Length, after.Length))
        {
            return false;
        }
        if (change.Kind == FileOperationKind.Truncate)
        {
            return actual.AsSpan().SequenceEqual(before);
        }
        for (var i = 0; i < actual.Length; i++)
        {
            var written = i >= change.Offset && i < change.Offset + change.Length;
            var matchesBefore = i < before.Length && actual[i] == before[i];
            var matchesAfter = i < after.Length && actual[i] == after[i];
            if (!(matchesBefore || (written && matchesAfter)))
            {
                return false;
            }
        }
        return true;
    }
}
