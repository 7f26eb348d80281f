using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>What tests use to make the writer meet real failures.</summary>
public sealed partial class JournalWriter
{
    /// <summary>Test seam: caps the database at its current size so the next growth fails with SQLITE_FULL, a real I/O error.</summary>
    internal void LimitDatabasePagesForTest()
    {
        using var gate = _commitGate.EnterScope();
        _connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        using var pages = _connection.CreateCommand();
        pages.CommandText = "PRAGMA page_count";
        _connection.Execute($"PRAGMA max_page_count = {(long)pages.ExecuteScalar()!}");
    }
}
