using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Journal.Jsonl;

/// <summary>
/// Reads journal JSONL into a journal keeping every <c>meta_*</c> value. Records the journal already
/// holds byte for byte are skipped, so importing the same file twice adds nothing; a record that
/// differs from the stored one at its seq, a gap, or a bad line stops the import with the line number.
/// </summary>
public static class JsonlExactImporter
{
    private const int RecordsPerBatch = 2048;

    /// <summary>Imports <paramref name="input"/>; <paramref name="progress"/> receives bytes read.</summary>
    public static async Task<ExactImportResult> ImportAsync(Stream input, JournalWriter writer, IProgress<long>? progress = null)
    {
        using var lines = new JsonlLineReader(input);
        using var existing = JournalReader.Open(writer.Files.DataDirectory);
        var batch = new List<JournalRecord>(RecordsPerBatch);
        long imported = 0, alreadyPresent = 0, expected = 0;
        while (lines.TryReadLine(out var line))
        {
            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }
            var record = JsonlRecordParser.TryParse(line.Span, out var error);
            if (record is null || (expected != 0 && record.Seq != expected))
            {
                // Keep what came before the bad line: a second import skips it and continues.
                await Flush(batch, writer);
                throw new JournalInputException(record is null
                    ? $"line {lines.LineNumber}: {error}. The lines before it were imported, nothing after it; fix the line and import again (records already imported are skipped)."
                    : $"line {lines.LineNumber}: meta_seq {record.Seq} does not follow {expected - 1}; a journal export is gap-free.");
            }
            expected = record.Seq + 1;
            if (record.Seq <= writer.Tail)
            {
                var stored = existing.ReadOne(record.Seq);
                if (stored is null || !stored.SameAs(record))
                {
                    throw new JournalInputException(
                        $"line {lines.LineNumber}: the journal already holds a different record at meta_seq {record.Seq}. " +
                        "An exact import keeps meta_seq, so it can only fill an empty journal or continue one; import into a new --data folder.");
                }
                alreadyPresent++;
                continue;
            }
            batch.Add(record);
            if (batch.Count == RecordsPerBatch)
            {
                imported += await Flush(batch, writer);
                progress?.Report(lines.BytesRead);
            }
        }
        imported += await Flush(batch, writer);
        progress?.Report(lines.BytesRead);
        return new ExactImportResult(lines.LineNumber, imported, alreadyPresent);
    }

    private static async Task<long> Flush(List<JournalRecord> batch, JournalWriter writer)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var range = await writer.AppendExactAsync(batch.ToArray());
        batch.Clear();
        return range.Count;
    }
}
