using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// What an importer makes of one file: the records to append, in order, and how many lines (or
/// entries) it read and skipped as torn or garbage. Feed records get connection 1, system records 0.
/// </summary>
internal sealed class ImportedFile(ImportFormat format, Guid session, WallClockConverter clock)
{
    /// <summary>The connection number feed records of an import carry.</summary>
    public const int FeedConn = 1;

    /// <summary>The connection number of system (<c>$…</c>) records.</summary>
    public const int SystemConn = 0;

    private readonly List<NewRecord> _records = [];

    /// <summary>The format being read.</summary>
    public ImportFormat Format { get; } = format;

    /// <summary>Reads the file's timestamps into <c>meta_ts</c>.</summary>
    public WallClockConverter Clock { get; } = clock;

    /// <summary>The records to append, in file order.</summary>
    public IReadOnlyList<NewRecord> Records => _records;

    /// <summary>Non-blank lines (or document entries) read.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines that were torn, not JSON, or lacked what the format needs; not imported.</summary>
    public long Skipped { get; private set; }

    /// <summary>Counts one line or entry read.</summary>
    public void CountLine() => Lines++;

    /// <summary>Counts one line or entry skipped.</summary>
    public void Skip() => Skipped++;

    /// <summary>Adds a feed event (connection 1).</summary>
    public void AddFeed(string eventName, byte[] args, long ts) => _records.Add(new NewRecord(eventName, args, ts, session, FeedConn, Format.Source));

    /// <summary>Adds a system record (connection 0); its name starts with <c>$</c>.</summary>
    public void AddSystem(string eventName, byte[] args, long ts) => _records.Add(new NewRecord(eventName, args, ts, session, SystemConn, Format.Source));

    /// <summary>Adds a record that keeps its own session, connection and source (the journal format).</summary>
    public void AddExisting(NewRecord record) => _records.Add(record);
}
