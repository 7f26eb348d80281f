using System.Security.Cryptography;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Import;

/// <summary>
/// One <c>vectra import</c>: a new session that reads each file in its format and appends its records
/// followed by one <c>$import</c> record, all in one transaction, so a file is in the journal entirely
/// or not at all. A file whose sha256 an earlier <c>$import</c> names is skipped.
/// </summary>
internal sealed class RecordingImport(JournalWriter writer, ImportOptions options)
{
    /// <summary>
    /// The session uuid every record of this import carries (the journal format keeps its own). It is
    /// derived from the first imported file's sha256, so the same recording always gives the same
    /// journal content, and snapshot tests of replays are deterministic.
    /// </summary>
    public Guid Session { get; private set; }

    /// <summary>Imports <paramref name="files"/> in order, reporting to <paramref name="progress"/>.</summary>
    public async Task<IReadOnlyList<FileImportResult>> ImportAsync(IReadOnlyList<RecordingFile> files, ProgressLine? progress = null)
    {
        var ledger = ImportLedger.Read(writer.Files.DataDirectory);
        var results = new List<FileImportResult>(files.Count);
        var lines = 0L;
        foreach (var file in files)
        {
            var result = await ImportFileAsync(file, ledger);
            results.Add(result);
            lines += result.Lines;
            progress?.Report(results.Count, $", {lines:N0} lines");
        }
        progress?.Finish(results.Count, $", {lines:N0} lines");
        return results;
    }

    /// <summary>Imports <paramref name="paths"/> (files, or folders searched for recordings) into the journal in <paramref name="data"/>, with a progress line on stderr.</summary>
    public static IReadOnlyList<FileImportResult> IntoJournal(string data, IReadOnlyList<string> paths, ImportOptions options, out Guid session)
    {
        var files = RecordingFiles.Expand(paths);
        using var writer = JournalWriter.Open(data, Durability.Batch, options.Sealing);
        var import = new RecordingImport(writer, options);
        var results = import.ImportAsync(files, new ProgressLine("import", "files", files.Count)).GetAwaiter().GetResult();
        session = import.Session;
        return results;
    }

    private async Task<FileImportResult> ImportFileAsync(RecordingFile file, ImportLedger ledger)
    {
        var content = await File.ReadAllBytesAsync(file.Path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (ledger.Contains(sha256))
        {
            return new FileImportResult(file.Path, ImportOutcome.AlreadyImported, null, 0, 0, 0, sha256, null);
        }
        var format = options.Format ?? FormatDetector.Detect(content);
        if (format is null)
        {
            if (file.NamedExplicitly)
            {
                throw new ImportInputException(
                    $"{file.Path}: cannot tell which recording format this is. Pass --format with one of {string.Join(", ", ImportFormat.All.Select(f => f.Name))}.");
            }
            return new FileImportResult(file.Path, ImportOutcome.NotARecording, null, 0, 0, 0, sha256, null);
        }
        if (Session == Guid.Empty)
        {
            Session = SessionOf(sha256);
        }
        var imported = new ImportedFile(format, Session, new WallClockConverter(options.Zone));
        Importers.For(format).Read(content, imported);
        var records = imported.Records;
        var receiptTs = records.Count > 0 ? records.Max(r => r.Ts) : MetaTime.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var receipt = new NewRecord(
            ImportReceipt.Event,
            ImportReceipt.Args(Path.GetFileName(file.Path), format, imported.Lines, imported.Skipped, records.Count, sha256),
            receiptTs, Session, ImportedFile.SystemConn, format.Source);
        var range = await writer.AppendBatchAsync([.. records, receipt]);
        ledger.Add(sha256);
        return new FileImportResult(file.Path, ImportOutcome.Imported, format, imported.Lines, imported.Skipped, records.Count, sha256, range);
    }

    /// <summary>A uuid (version 8, "custom") made from the first 16 bytes of a file's sha256.</summary>
    private static Guid SessionOf(string sha256)
    {
        var bytes = Convert.FromHexString(sha256.AsSpan(0, 32));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
