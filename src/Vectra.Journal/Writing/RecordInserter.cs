using Microsoft.Data.Sqlite;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>The prepared INSERT statements of the writer, reused for every record.</summary>
internal sealed class RecordInserter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _seq, _ts, _session, _conn, _source, _event, _args, _crc;
    private readonly SqliteCommand _sessionUpsert;
    private Guid _lastSession;
    private string _lastSessionText = "";

    public RecordInserter(SqliteConnection connection)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO journal (seq, ts, session, conn, source, event, codec, args, crc) VALUES ($seq, $ts, $session, $conn, $source, $event, {JournalSchema.RawCodec}, $args, $crc)";
        _seq = _insert.Parameters.Add("$seq", SqliteType.Integer);
        _ts = _insert.Parameters.Add("$ts", SqliteType.Integer);
        _session = _insert.Parameters.Add("$session", SqliteType.Text);
        _conn = _insert.Parameters.Add("$conn", SqliteType.Integer);
        _source = _insert.Parameters.Add("$source", SqliteType.Text);
        _event = _insert.Parameters.Add("$event", SqliteType.Text);
        _args = _insert.Parameters.Add("$args", SqliteType.Blob);
        _crc = _insert.Parameters.Add("$crc", SqliteType.Integer);

        _sessionUpsert = connection.CreateCommand();
        _sessionUpsert.CommandText = """
            INSERT INTO journal_sessions (session, source, first_seq, last_seq, records, first_ts, last_ts)
            VALUES ($session, $source, $first, $last, $records, $first_ts, $last_ts)
            ON CONFLICT (session) DO UPDATE SET
                first_seq = min(first_seq, excluded.first_seq),
                last_seq  = max(last_seq, excluded.last_seq),
                records   = records + excluded.records,
                first_ts  = min(first_ts, excluded.first_ts),
                last_ts   = max(last_ts, excluded.last_ts)
            """;
    }

    public void Insert(SqliteTransaction tx, long seq, NewRecord record)
    {
        _insert.Transaction = tx;
        _seq.Value = seq;
        _ts.Value = record.Ts;
        _session.Value = SessionText(record.Session);
        _conn.Value = record.Conn;
        _source.Value = record.Source;
        _event.Value = record.Event;
        _args.Value = record.Args;
        _crc.Value = (long)RecordChecksum.Compute(seq, record.Ts, record.Session, record.Conn, record.Source, record.Event, record.Args);
        _insert.ExecuteNonQuery();
    }

    public void UpsertSession(SqliteTransaction tx, SessionTally tally)
    {
        _sessionUpsert.Transaction = tx;
        _sessionUpsert.Parameters.Clear();
        _sessionUpsert.Parameters.AddWithValue("$session", SessionText(tally.Session));
        _sessionUpsert.Parameters.AddWithValue("$source", tally.Source);
        _sessionUpsert.Parameters.AddWithValue("$first", tally.FirstSeq);
        _sessionUpsert.Parameters.AddWithValue("$last", tally.LastSeq);
        _sessionUpsert.Parameters.AddWithValue("$records", tally.Records);
        _sessionUpsert.Parameters.AddWithValue("$first_ts", tally.FirstTs);
        _sessionUpsert.Parameters.AddWithValue("$last_ts", tally.LastTs);
        _sessionUpsert.ExecuteNonQuery();
    }

    private string SessionText(Guid session)
    {
        if (session != _lastSession)
        {
            _lastSession = session;
            _lastSessionText = session.ToString("D");
        }
        return _lastSessionText;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _sessionUpsert.Dispose();
    }
}
