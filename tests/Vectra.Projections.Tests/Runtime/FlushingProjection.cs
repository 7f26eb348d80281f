using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// A test projection that holds records in memory and writes them in Flush, as the rugs projection does. Its failures
/// are real SQLite errors: "null-at-flush" makes its Flush break a NOT NULL constraint, "duplicate" makes its Apply break a
/// primary key, and "disk-full" caps views.db at its current size and writes past it (SQLITE_FULL, a storage failure).
/// </summary>
internal sealed class FlushingProjection : IRecordProjection
{
    private readonly List<JournalRecord> _pending = [];

    public string Name => "flushing";

    public int Version => 1;

    public void Create(ViewsTransaction views) => views.Execute("""
        CREATE TABLE IF NOT EXISTS flushed (seq INTEGER PRIMARY KEY, event TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS applied (id INTEGER PRIMARY KEY);
        """);

    public void Drop(ViewsTransaction views) => views.Execute("DROP TABLE IF EXISTS flushed; DROP TABLE IF EXISTS applied;");

    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        switch (record.Event)
        {
            case "duplicate":
                views.Execute("INSERT INTO applied (id) VALUES (1)");
                views.Execute("INSERT INTO applied (id) VALUES (1)");
                break;
            case "disk-full":
                var pages = Convert.ToInt64(views.Scalar("PRAGMA page_count"), System.Globalization.CultureInfo.InvariantCulture);
                views.Execute($"PRAGMA max_page_count = {pages}");
                views.Execute("INSERT INTO flushed (seq, event) VALUES ($s, $e)", ("$s", record.Seq), ("$e", new string('x', 1 << 20)));
                break;
        }
        _pending.Add(record);
    }

    public void Flush(ViewsTransaction views)
    {
        foreach (var record in _pending)
        {
            views.Execute("INSERT OR REPLACE INTO flushed (seq, event) VALUES ($s, $e)", ("$s", record.Seq), ("$e", record.Event == "null-at-flush" ? null : record.Event));
        }
        _pending.Clear();
    }

    public void Forget() => _pending.Clear();
}
