using System.Text;
using Vectra.Journal;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Import;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Import;

/// <summary>Writes a recording into a temp folder, imports it into that folder's journal and reads back what was appended.</summary>
internal static class ImportHarness
{
    public static string DataOf(TempFolder folder) => folder.File("data");

    public static async Task<Imported> ImportAsync(TempFolder folder, string fileName, string content, ImportFormat? format = null, string zone = RecordingTimeZone.DefaultId)
    {
        var path = folder.File(fileName);
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(content));
        return await ImportFilesAsync(folder, [path], format, zone);
    }

    public static async Task<Imported> ImportFilesAsync(TempFolder folder, IReadOnlyList<string> paths, ImportFormat? format = null, string zone = RecordingTimeZone.DefaultId)
    {
        IReadOnlyList<FileImportResult> results;
        using (var writer = JournalWriter.Open(DataOf(folder), Durability.None))
        {
            var import = new RecordingImport(writer, new ImportOptions(format, RecordingTimeZone.Find(zone)));
            results = await import.ImportAsync(paths.Select(p => new RecordingFile(p, NamedExplicitly: true)).ToList());
        }
        using var reader = JournalReader.Open(DataOf(folder));
        var records = results.Where(r => r.Appended is not null).SelectMany(r => reader.ReadSeqRange(r.Appended!.Value.First, r.Appended.Value.Last)).ToList();
        return new Imported(results, records);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, for comparing args.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>meta_ts of a UTC instant written as text.</summary>
    public static long Micros(string utcIso) => MetaTime.TryParseIso(utcIso, out var micros) ? micros : throw new FormatException(utcIso);

    internal sealed record Imported(IReadOnlyList<FileImportResult> Files, List<JournalRecord> Records)
    {
        public FileImportResult File => Files.Single();

        /// <summary>The records other than the $import receipt.</summary>
        public List<JournalRecord> Frames => Records.Where(r => r.Event != ImportReceipt.Event).ToList();

        public JournalRecord Receipt => Records.Single(r => r.Event == ImportReceipt.Event);
    }
}
