using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Reads the oldest unsealed rows as a block's entries, refusing any that is damaged or out of order. The entries' args
/// lie one after another in a buffer kept for the next read, and their sessions, sources and event names are shared
/// arrays: the live sealer reads a block every few hundred milliseconds at full speed, and a fresh copy of every record
/// (5 MB a block, alive until the block is built) made the capture's collections promote it and run twice as many
/// full collections.
/// </summary>
internal sealed class TailRows(SqliteConnection connection) : IDisposable
{
    private readonly Statement _rows = new(connection, $"SELECT {StoredRow.Columns} FROM journal WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
    // Read once: only a writer sets it, and the sealer and compact run beside (or as) that writer.
    private readonly ChecksumScheme _scheme = ChecksumScheme.FromMeta(JournalSchema.GetMeta(connection, ChecksumScheme.MetaKey));
    private readonly SmallTexts _texts = new();
    private byte[] _args = [];

    /// <summary>The first unsealed seq: one past the last block, or the first row of a journal without blocks.</summary>
    public static long FirstUnsealed(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT max(last_seq) + 1 FROM journal_blocks), (SELECT min(seq) FROM journal), 1)";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Up to <paramref name="records"/> rows from <paramref name="first"/> on, stopping once <paramref name="maxBytes"/> of
    /// args are taken. The entries are valid until the next call.
    /// </summary>
    public List<BlockEntry> Read(long first, int records, long maxBytes)
    {
        var entries = new List<BlockEntry>(records);
        long bytes = 0;
        var used = 0;
        _rows.Bind(1, first);
        _rows.Bind(2, records);
        try
        {
            while (bytes < maxBytes && _rows.Step())
            {
                var seq = _rows.Int64At(0);
                if (seq != first + entries.Count)
                {
                    throw new JournalCorruptException(first + entries.Count,
                        $"journal records meta_seq {first + entries.Count}..{seq - 1} are missing, so nothing after them can be sealed. Run `vectra verify`.");
                }
                var (ts, conn, crc) = (_rows.Int64At(1), (int)_rows.Int64At(3), unchecked((uint)_rows.Int64At(8)));
                var session = _rows.BlobAt(2);
                var source = _rows.BlobAt(4);
                var eventName = _rows.BlobAt(5);
                var args = _rows.BlobAt(7);
                if (_rows.Int64At(6) != JournalSchema.RawCodec || !_scheme.Holds(crc, seq, ts, session, conn, source, eventName, args, out _))
                {
                    throw new JournalCorruptException(seq,
                        $"journal record meta_seq {seq} fails its checksum: the file is damaged. Run `vectra verify` to list every damaged record.");
                }
                entries.Add(new BlockEntry(seq, ts, _texts.Of(session), conn, _texts.Of(source), _texts.Of(eventName), Keep(args, ref used), crc));
                bytes += args.Length;
            }
        }
        finally
        {
            _rows.Reset();
        }
        return entries;
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>Copies <paramref name="args"/> after the <paramref name="used"/> bytes of the buffer, moving to a larger one when it is full.</summary>
    private ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> args, ref int used)
    {
        if (_args.Length - used < args.Length)
        {
            // The entries read so far keep the old buffer alive; the new one is kept for the blocks after this one.
            _args = new byte[Math.Max(args.Length, Math.Max(_args.Length * 2, 1 << 20))];
            used = 0;
        }
        args.CopyTo(_args.AsSpan(used));
        var kept = _args.AsMemory(used, args.Length);
        used += args.Length;
        return kept;
    }

    /// <summary>One shared array per distinct session, source or event name (a journal has few).</summary>
    private sealed class SmallTexts
    {
        private const int MaxKept = 4096;
        private readonly Dictionary<int, List<byte[]>> _byHash = [];
        private int _kept;

        public byte[] Of(ReadOnlySpan<byte> text)
        {
            var hash = HashOf(text);
            if (_byHash.TryGetValue(hash, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (candidate.AsSpan().SequenceEqual(text))
                    {
                        return candidate;
                    }
                }
            }
            var copy = text.ToArray();
            if (_kept < MaxKept)
            {
                _kept++;
                (candidates ??= _byHash[hash] = []).Add(copy);
            }
            return copy;
        }

        private static int HashOf(ReadOnlySpan<byte> text)
        {
            var hash = new HashCode();
            hash.AddBytes(text);
            return hash.ToHashCode();
        }
    }
}
