using System.Globalization;

namespace Vectra.Journal.Records;

/// <summary>
/// Which checksum definition covers a record: records from <see cref="StoredTextFromSeq"/> on are checksummed
/// over their stored bytes (<see cref="RecordChecksum.Compute(long, long, ReadOnlySpan{byte}, int, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>);
/// earlier ones, written before that definition, by <see cref="RecordChecksum.ComputeLegacy"/> plus the rule that
/// their session text is canonical, so a changed letter case is caught there too.
/// </summary>
/// <param name="StoredTextFromSeq">The first seq under the stored-bytes checksum; <see cref="long.MaxValue"/> when no writer of this version has written the journal yet.</param>
public readonly record struct ChecksumScheme(long StoredTextFromSeq)
{
    /// <summary>The journal_meta key that stores <see cref="StoredTextFromSeq"/>.</summary>
    public const string MetaKey = "crc_stored_text_from_seq";

    /// <summary>A journal no writer of this version has touched: every record is under the legacy definition.</summary>
    public static ChecksumScheme Legacy { get; } = new(long.MaxValue);

    /// <summary>The scheme a journal_meta value describes (null or unreadable: <see cref="Legacy"/>).</summary>
    public static ChecksumScheme FromMeta(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var from) ? new(from) : Legacy;

    /// <summary>The value to store in journal_meta.</summary>
    public string ToMeta() => StoredTextFromSeq.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="stored"/> is the checksum of the record's stored fields; <paramref name="session"/> is the parsed session (Guid.Empty when the text is not canonical).</summary>
    public bool Holds(uint stored, long seq, long ts, ReadOnlySpan<byte> sessionText, int conn, ReadOnlySpan<byte> source, ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> args, out Guid session)
    {
        var canonical = SessionText.TryParseCanonical(sessionText, out session);
        if (seq >= StoredTextFromSeq)
        {
            if (!canonical)
            {
                // A damaged text cannot match the checksum, so the record is reported, not trusted.
                session = System.Buffers.Text.Utf8Parser.TryParse(sessionText, out Guid parsed, out _) ? parsed : Guid.Empty;
            }
            return RecordChecksum.Compute(seq, ts, sessionText, conn, source, eventName, args) == stored;
        }
        return canonical && RecordChecksum.ComputeLegacy(seq, ts, session, conn, source, eventName, args) == stored;
    }
}
