namespace Vectra.Journal.Jsonl;

/// <summary>What an exact import did: lines read, records appended, records that were already there.</summary>
public sealed record ExactImportResult(long Lines, long Imported, long AlreadyPresent);
