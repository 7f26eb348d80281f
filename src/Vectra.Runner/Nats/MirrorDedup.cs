using Vectra.Journal.Reading;

namespace Vectra.Runner.Nats;

/// <summary>
/// The mirror's own de-duplication, for what the stream's message-id window cannot catch (a backlog published after
/// the window, a frame whose copies fell into two time slots). Two rules: a runner's record at or below the highest
/// local seq already mirrored from that runner is a republish; a frame whose content hash was mirrored from another
/// runner within <see cref="Tolerance"/> of its receive time is the same broadcast. Both rest on what the mirror's
/// journal holds, so they survive restarts: the high-water marks are positions committed with the records, and the
/// recent hashes are read back from the last <see cref="Horizon"/> of records when the mirror opens.
/// </summary>
internal sealed class MirrorDedup(string stream, TimeSpan tolerance, TimeSpan horizon)
{
    private readonly Dictionary<string, long> _highWater = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, List<(long Ts, string Runner)>> _recent = [];
    private readonly Queue<(long Ts, UInt128 Hash)> _byAge = new();
    private long _newestTs;

    public TimeSpan Tolerance => tolerance;

    public TimeSpan Horizon => horizon;

    /// <summary>The position name of the highest local seq mirrored from <paramref name="runner"/>.</summary>
    public string RunnerPosition(string runner) => $"nats:{stream}:runner:{runner}";

    /// <summary>The position name of the last stream sequence mirrored.</summary>
    public string StreamPosition => $"nats:{stream}";

    /// <summary>Restores the marks from the journal's positions and the recent hashes from its newest records.</summary>
    public void Load(IReadOnlyDictionary<string, long> positions, JournalReader reader)
    {
        var prefix = RunnerPosition("");
        foreach (var (name, value) in positions)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                _highWater[name[prefix.Length..]] = value;
            }
        }
        if (reader.ReadOne(reader.Tail) is not { } newest)
        {
            return;
        }
        foreach (var record in reader.ReadTsRange(newest.Ts - (long)horizon.TotalMicroseconds, long.MaxValue))
        {
            if (!record.Event.StartsWith('$') && record.Source.StartsWith("mirror:", StringComparison.Ordinal))
            {
                Remember(ContentKey.Hash(record.Event, record.Args), record.Ts, record.Source["mirror:".Length..]);
            }
        }
    }

    /// <summary>True when <paramref name="message"/> is already in the mirror; otherwise remembers it.</summary>
    public bool Seen(MirroredMessage message)
    {
        if (_highWater.TryGetValue(message.Runner, out var mark) && message.LocalSeq <= mark)
        {
            return true;
        }
        _highWater[message.Runner] = message.LocalSeq;
        if (!message.IsFrame)
        {
            return false;
        }
        var hash = ContentKey.Hash(message.Record.Event, message.Record.Args);
        var key = Key(hash);
        if (_recent.TryGetValue(key, out var copies))
        {
            var window = (long)tolerance.TotalMicroseconds;
            foreach (var (ts, runner) in copies)
            {
                if (runner != message.Runner && Math.Abs(ts - message.Record.Ts) <= window)
                {
                    return true;
                }
            }
        }
        Remember(hash, message.Record.Ts, message.Runner);
        return false;
    }

    private void Remember(byte[] hash, long ts, string runner)
    {
        var key = Key(hash);
        if (!_recent.TryGetValue(key, out var copies))
        {
            _recent[key] = copies = [];
        }
        copies.Add((ts, runner));
        _byAge.Enqueue((ts, key));
        _newestTs = Math.Max(_newestTs, ts);
        Prune();
    }

    private void Prune()
    {
        var oldest = _newestTs - (long)horizon.TotalMicroseconds;
        while (_byAge.TryPeek(out var entry) && entry.Ts < oldest)
        {
            _byAge.Dequeue();
            if (_recent.TryGetValue(entry.Hash, out var copies))
            {
                copies.RemoveAll(c => c.Ts == entry.Ts);
                if (copies.Count == 0)
                {
                    _recent.Remove(entry.Hash);
                }
            }
        }
    }

    private static UInt128 Key(byte[] hash) => new(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
}
