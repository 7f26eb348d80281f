using Vectra.Journal.Reading;

namespace Vectra.Runner.Nats;

/// <summary>
/// The mirror's own de-duplication, for what the stream's message-id window cannot catch (a backlog published after
/// the window, a frame whose copies fell into two time slots). Two rules: a record with the same runner, content hash
/// and <c>meta_ts</c> as one already mirrored is that record published again (a runner never receives two records in
/// the same microsecond twice); a frame whose content hash was mirrored from another runner within
/// <see cref="Tolerance"/> of its receive time is the same broadcast (each stored copy matches at most one receipt per
/// other runner). Neither depends on the order in which a runner's records reach the stream. Both rest on what the
/// mirror's journal holds, so they survive restarts: the recent hashes are read back from the last
/// <see cref="Horizon"/> of records when the mirror opens.
/// </summary>
internal sealed class MirrorDedup(string stream, TimeSpan tolerance, TimeSpan horizon)
{
    private readonly Dictionary<UInt128, List<MirroredCopy>> _recent = [];
    private readonly Queue<(long Ts, UInt128 Hash)> _byAge = new();
    private long _newestTs;

    public TimeSpan Tolerance => tolerance;

    public TimeSpan Horizon => horizon;

    /// <summary>The position name of the last stream sequence mirrored.</summary>
    public string StreamPosition => $"nats:{stream}";

    /// <summary>Restores the recent hashes from the journal's newest records.</summary>
    public void Load(JournalReader reader)
    {
        if (reader.ReadOne(reader.Tail) is not { } newest)
        {
            return;
        }
        foreach (var record in reader.ReadTsRange(newest.Ts - (long)horizon.TotalMicroseconds, long.MaxValue))
        {
            if (record.Source.StartsWith("mirror:", StringComparison.Ordinal))
            {
                Remember(Key(ContentKey.Hash(record.Event, record.Args)), record.Ts, record.Source["mirror:".Length..]);
            }
        }
    }

    /// <summary>True when <paramref name="message"/> is already in the mirror; otherwise remembers it.</summary>
    public bool Seen(MirroredMessage message)
    {
        var key = Key(ContentKey.Hash(message.Record.Event, message.Record.Args));
        var ts = message.Record.Ts;
        if (_recent.TryGetValue(key, out var copies))
        {
            if (copies.Any(c => c.Runner == message.Runner && c.Ts == ts))
            {
                return true;
            }
            var window = (long)tolerance.TotalMicroseconds;
            foreach (var copy in copies)
            {
                if (message.IsFrame && copy.Runner != message.Runner && Math.Abs(copy.Ts - ts) <= window && copy.MatchedBy.Add(message.Runner))
                {
                    return true;
                }
            }
        }
        Remember(key, ts, message.Runner);
        return false;
    }

    private void Remember(UInt128 key, long ts, string runner)
    {
        if (!_recent.TryGetValue(key, out var copies))
        {
            _recent[key] = copies = [];
        }
        copies.Add(new MirroredCopy(ts, runner));
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
