using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Json;

namespace Vectra.Projections.Exports.Events;

/// <summary>
/// An <c>events</c> row is a pure function of its journal record, so files are written straight from the journal:
/// the records of a seq range, less those the export refuses (the same check that quarantines them when applied).
/// </summary>
internal static class EventRows
{
    /// <summary>Throws when <paramref name="record"/> cannot be a row: a payload that is not JSON, or a time with no calendar day.</summary>
    public static void Check(JournalRecord record)
    {
        _ = ExportDay.Text(ExportDay.Of(record.Ts));
        _ = EventPayload.GameId(LastArgument.Of(record.ArgsSpan));
    }

    /// <summary>Writes the file of <paramref name="part"/> (or an open tail, at <paramref name="path"/>) from the journal.</summary>
    public static void WriteFile(string dataDirectory, string path, EventPart part, ExportSchema schema, ExportWriterOptions options)
    {
        using var journal = JournalReader.Open(dataDirectory);
        DurableFile.Write(path, stream =>
        {
            using var writer = new ExportFileWriter(stream, schema, options);
            foreach (var record in journal.ReadSeqRange(part.FirstSeq, part.LastSeq))
            {
                if (ExportDay.Of(record.Ts) == part.Day && TryWrite(record, writer))
                {
                    writer.EndRow();
                }
            }
            writer.Finish();
        });
    }

    private static bool TryWrite(JournalRecord record, ExportFileWriter writer)
    {
        Range? payload;
        string? gameId;
        try
        {
            var last = LastArgument.Of(record.Args);
            payload = last.Exists ? last.Range : null;
            gameId = EventPayload.GameId(last);
        }
        catch (Exception refused) when (refused is not IOException)
        {
            // Quarantined when it was applied: not a row.
            return false;
        }
        writer.WriteInt64(0, record.Seq);
        writer.WriteTimestampMicros(1, record.Ts);
        Span<char> session = stackalloc char[36];
        record.Session.TryFormat(session, out var written);
        writer.WriteString(2, session[..written]);
        writer.WriteInt32(3, record.Conn);
        writer.WriteString(4, record.Source);
        writer.WriteString(5, record.Event);
        if (gameId is null)
        {
            writer.WriteNull(6);
        }
        else
        {
            writer.WriteString(6, gameId);
        }
        if (payload is { } range)
        {
            writer.WriteUtf8(7, record.Args.AsSpan()[range]);
        }
        else
        {
            writer.WriteNull(7);
        }
        return true;
    }
}
