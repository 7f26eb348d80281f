using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;

namespace Vectra.Journal.Reading;

/// <summary>One row as stored, before its checksum is trusted.</summary>
internal readonly record struct StoredRow(JournalRecord Record, int Codec, uint StoredCrc)
{
    public const string Columns = "seq, ts, session, conn, source, event, codec, args, crc";

    public bool ChecksumHolds => Codec == Storage.JournalSchema.RawCodec && Record.Checksum == StoredCrc;

    /// <summary>Reads the row under the reader's cursor (columns in <see cref="Columns"/> order).</summary>
    public static StoredRow From(SqliteDataReader reader)
    {
        var seq = reader.GetInt64(0);
        if (!Guid.TryParse(reader.GetString(2), out var session))
        {
            session = Guid.Empty; // A damaged session text cannot match the checksum, so the record is reported, not trusted.
        }
        var record = new JournalRecord(
            seq,
            reader.GetInt64(1),
            session,
            reader.GetInt32(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetFieldValue<byte[]>(7));
        return new StoredRow(record, reader.GetInt32(6), unchecked((uint)reader.GetInt64(8)));
    }

    /// <summary>The record, or a <see cref="JournalCorruptException"/> when its checksum fails.</summary>
    public JournalRecord Trusted() => ChecksumHolds
        ? Record
        : throw new JournalCorruptException(Record.Seq,
            $"journal record meta_seq {Record.Seq} fails its checksum: the file is damaged. Run `vectra verify` to list every damaged record.");
}
