using Vectra.Journal.Writing;

namespace Vectra.Runner.Import;

/// <summary>What happened to one file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Outcome">Imported, already imported, or not a recording.</param>
/// <param name="Format">The format it was read as (null when not a recording).</param>
/// <param name="Lines">Non-blank lines (or entries) read.</param>
/// <param name="Skipped">Torn or garbage lines skipped.</param>
/// <param name="Records">Records appended, the <c>$import</c> record not counted.</param>
/// <param name="Sha256">The file's sha256, hex.</param>
/// <param name="Appended">The seqs appended (its records and its <c>$import</c> record), or null.</param>
internal sealed record FileImportResult(
    string Path, ImportOutcome Outcome, ImportFormat? Format, long Lines, long Skipped, long Records, string Sha256, SeqRange? Appended);
