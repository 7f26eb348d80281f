using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>One row as stored, before its checksum is trusted.</summary>
internal readonly record struct StoredRow(JournalRecord Record, int Codec, bool ChecksumHolds)
{
    public const string Columns = "seq, ts, session, conn, source, event, codec, args, crc";

    /// <summary>Reads the current row of <paramref name="row"/> (columns in <see cref="Columns"/> order), checking its CRC on the stored bytes.</summary>
    public static StoredRow From(Statement row, Utf8TextCache texts, ChecksumScheme scheme) =>
        Of(row.Int64At(0), row.Int64At(1), row.BlobAt(2), (int)row.Int64At(3), row.BlobAt(4), row.BlobAt(5),
            (int)row.Int64At(6), row.BlobAt(7), unchecked((uint)row.Int64At(8)), texts, scheme);

    /// <summary>One record from its stored fields (a row's columns or a block's entry), checking its CRC on the stored bytes.</summary>
    public static StoredRow Of(
        long seq, long ts, ReadOnlySpan<byte> sessionText, int conn, ReadOnlySpan<byte> source, ReadOnlySpan<byte> eventName,
        int codec, ReadOnlySpan<byte> args, uint stored, Utf8TextCache texts, ChecksumScheme scheme)
    {
        var holds = scheme.Holds(stored, seq, ts, sessionText, conn, source, eventName, args, out var session)
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
