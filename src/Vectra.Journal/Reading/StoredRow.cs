using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>One row as stored, before its checksum is trusted.</summary>
internal readonly record struct StoredRow(JournalRecord Record, int Codec, bool ChecksumHolds)
{
    public const string Columns = "seq, ts, session, conn, source, event, codec, args, crc";

    /// <summary>Reads the current row of <paramref name="row"/> (columns in <see cref="Columns"/> order), checking its CRC on the stored bytes.</summary>
    public static StoredRow From(Statement row, Utf8TextCache texts, ChecksumScheme scheme)
    {
        var seq = row.Int64At(0);
        var ts = row.Int64At(1);
        var conn = (int)row.Int64At(3);
        var source = row.BlobAt(4);
        var eventName = row.BlobAt(5);
        var codec = (int)row.Int64At(6);
        var args = row.BlobAt(7);
        var stored = unchecked((uint)row.Int64At(8));
        var holds = scheme.Holds(stored, seq, ts, row.BlobAt(2), conn, source, eventName, args, out var session)
            && codec == JournalSchema.RawCodec;
        var record = new JournalRecord(seq, ts, session, conn, texts.Decode(source), texts.Decode(eventName), args.ToArray());
        return new StoredRow(record, codec, holds);
    }

    /// <summary>The record, or a <see cref="JournalCorruptException"/> when its checksum fails.</summary>
    public JournalRecord Trusted() => ChecksumHolds
        ? Record
        : throw new JournalCorruptException(Record.Seq,
            $"journal record meta_seq {Record.Seq} fails its checksum: the file is damaged. Run `vectra verify` to list every damaged record.");
}
