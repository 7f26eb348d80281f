namespace Vectra.Runner.Tests.Cli;

/// <summary>The ways a data folder can be damaged or unusable, each made for real on the files.</summary>
public enum DataDamage
{
    /// <summary>journal.db cut to half its size.</summary>
    TruncatedJournal,

    /// <summary>journal.db's first page (the SQLite header and schema) zeroed.</summary>
    ZeroedHeaderPage,

    /// <summary>journal.db holds text, not SQLite.</summary>
    NotSqlite,

    /// <summary>A journal.db-wal left from another journal beside journal.db.</summary>
    StaleWalOfAnotherDatabase,

    /// <summary>The 0-byte journal.db a SIGKILL during the journal's creation leaves (and no views.db).</summary>
    ZeroByteJournal,

    /// <summary>The folder and its files cannot be written (immutable as root, read-only otherwise).</summary>
    ReadOnlyFolder,

    /// <summary>No file may grow past 64 KB (<c>ulimit -f</c>): every write that extends a file fails, as on a full disk.</summary>
    DiskFull,

    /// <summary>views.db's first page zeroed.</summary>
    CorruptViews,
}
