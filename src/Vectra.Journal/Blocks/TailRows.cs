using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>Reads the oldest unsealed rows as a block's entries, refusing any that is damaged or out of order.</summary>
internal sealed class TailRows(SqliteConnection connection) : IDisposable
{
    private readonly Statement _rows = new(connection, $"SELECT {StoredRow.Columns} FROM journal WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
    private readonly Utf8TextCache _texts = new();
    // Read once: only a writer sets it, and the sealer and compact run beside (or as) that writer.
    private readonly ChecksumScheme _scheme = ChecksumScheme.FromMeta(JournalSchema.GetMeta(connection, ChecksumScheme.MetaKey));

    /// <summary>The first unsealed seq: one past the last block, or the first row of a journal without blocks.</summary>
    public static long FirstUnsealed(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT max(last_seq) + 1 FROM journal_blocks), (SELECT min(seq) FROM journal), 1)";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Up to <paramref name="records"/> rows from <paramref name="first"/> on, stopping once <paramref name="maxBytes"/> of args are taken.</summary>
    public List<BlockEntry> Read(long first, int records, long maxBytes)
    {
        var entries = new List<BlockEntry>(records);
        long bytes = 0;
        _rows.Bind(1, first);
        _rows.Bind(2, records);
        try
        {
            while (bytes < maxBytes && _rows.Step())
            {
                var row = StoredRow.From(_rows, _texts, _scheme);
                var seq = row.Record.Seq;
                if (seq != first + entries.Count)
                {
                    throw new JournalCorruptException(first + entries.Count,
                        $"journal records meta_seq {first + entries.Count}..{seq - 1} are missing, so nothing after them can be sealed. Run `vectra verify`.");
                }
                _ = row.Trusted();
                entries.Add(new BlockEntry(seq, row.Record.Ts, _rows.BlobAt(2).ToArray(), row.Record.Conn,
                    _rows.BlobAt(4).ToArray(), _rows.BlobAt(5).ToArray(), row.Record.Args, unchecked((uint)_rows.Int64At(8))));
                bytes += row.Record.Args.Length;
            }
        }
        finally
        {
            _rows.Reset();
        }
        return entries;
    }

    public void Dispose() => _rows.Dispose();
}
