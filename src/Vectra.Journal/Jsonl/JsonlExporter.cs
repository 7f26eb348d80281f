using Vectra.Journal.Reading;

namespace Vectra.Journal.Jsonl;

/// <summary>Writes a seq range of a journal as JSONL.</summary>
public static class JsonlExporter
{
    /// <summary>Exports records <paramref name="from"/>..<paramref name="to"/> to <paramref name="output"/>; returns how many.</summary>
    public static long Export(JournalReader reader, long from, long to, Stream output, IProgress<long>? progress = null)
    {
        using var writer = new JsonlRecordWriter(output);
        long count = 0;
        foreach (var record in reader.ReadSeqRange(from, to))
        {
            writer.Write(record);
            if (++count % 10_000 == 0)
            {
                progress?.Report(record.Seq);
            }
        }
        return count;
    }
}
