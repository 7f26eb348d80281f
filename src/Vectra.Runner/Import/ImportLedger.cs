using Vectra.Journal.Reading;

namespace Vectra.Runner.Import;

/// <summary>The files a journal already holds, by the sha256 in its <c>$import</c> records (read through the system-record index).</summary>
internal sealed class ImportLedger
{
    private readonly HashSet<string> _hashes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads every <c>$import</c> record of the journal in <paramref name="dataDirectory"/>.</summary>
    public static ImportLedger Read(string dataDirectory)
    {
        var ledger = new ImportLedger();
        using var reader = JournalReader.Open(dataDirectory);
        foreach (var record in reader.ReadSystemRecords())
        {
            if (record.Event == ImportReceipt.Event && ImportReceipt.Sha256Of(record.Args) is { } hash)
            {
                ledger._hashes.Add(hash);
            }
        }
        return ledger;
    }

    /// <summary>Whether a file with this hash was imported already.</summary>
    public bool Contains(string sha256) => _hashes.Contains(sha256);

    /// <summary>Notes a file just imported.</summary>
    public void Add(string sha256) => _hashes.Add(sha256);
}
