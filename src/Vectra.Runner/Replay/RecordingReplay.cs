using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Runner.Import;

namespace Vectra.Runner.Replay;

/// <summary>
/// <c>vectra replay</c>: imports recordings into the journal, then hands the records this import
/// appended, in <c>meta_seq</c> order and paced by their <c>meta_ts</c>, to an <see cref="IReplaySink"/>
/// (where the projections will run). Files already in the journal add nothing and are not replayed again.
/// </summary>
internal static class RecordingReplay
{
    /// <summary>Imports <paramref name="paths"/> into <paramref name="data"/> and replays what was appended.</summary>
    public static async Task<(IReadOnlyList<FileImportResult> Files, ReplayResult Replay)> RunAsync(
        string data, IReadOnlyList<string> paths, ImportOptions options, ReplaySpeed speed, TimeProvider time, IReplaySink sink,
        CancellationToken cancellation = default)
    {
        var files = RecordingImport.IntoJournal(data, paths, options, out _);
        using var reader = JournalReader.Open(data);
        var replay = await new ReplayPacer(time, speed).RunAsync(AppendedRecords(reader, files), sink, cancellation);
        return (files, replay);
    }

    private static IEnumerable<JournalRecord> AppendedRecords(JournalReader reader, IReadOnlyList<FileImportResult> files)
    {
        foreach (var file in files)
        {
            if (file.Appended is { } range)
            {
                foreach (var record in reader.ReadSeqRange(range.First, range.Last))
                {
                    yield return record;
                }
            }
        }
    }
}
