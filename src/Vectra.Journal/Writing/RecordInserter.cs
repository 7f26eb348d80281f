using Microsoft.Data.Sqlite;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>The writer's prepared statements, reused for every record: the hot INSERT is bound by position.</summary>
internal sealed class RecordInserter : IDisposable
{
    private const int Seq = 1, Ts = 2, Session = 3, Conn = 4, Source = 5, Event = 6, Args = 7, Crc = 8;

    private readonly Statement _insert;
    private readonly Utf8TextCache _texts = new();
    private Guid _lastSession;
    private byte[] _lastSessionText = [];

    public RecordInserter(SqliteConnection connection)
    {
        _insert = new Statement(connection,
            $"INSERT INTO journal (seq, ts, session, conn, source, event, codec, args, crc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, {JournalSchema.RawCodec}, ?7, ?8)");
    }

    /// <summary>Inserts one record inside the writer's open transaction (the statement joins it by sharing the connection).</summary>
    public void Insert(long seq, NewRecord record)
    {
        var source = _texts.Encode(record.Source);
        var eventName = _texts.Encode(record.Event);
        _insert.Bind(Seq, seq);
        _insert.Bind(Ts, record.Ts);
        var session = SessionBytes(record.Session);
        _insert.BindText(Session, session);
        _insert.Bind(Conn, record.Conn);
        _insert.BindText(Source, source);
        _insert.BindText(Event, eventName);
        _insert.BindBlob(Args, record.Args);
        _insert.Bind(Crc, RecordChecksum.Compute(seq, record.Ts, session, record.Conn, source, eventName, record.Args));
        _insert.Execute();
    }

    private byte[] SessionBytes(Guid session)
    {
        if (session != _lastSession || _lastSessionText.Length == 0)
        {
            _lastSession = session;
            _lastSessionText = new byte[Records.SessionText.Length];
            Records.SessionText.Write(session, _lastSessionText);
        }
        return _lastSessionText;
    }

    public void Dispose()
    {
        _insert.Dispose();
    }
}
