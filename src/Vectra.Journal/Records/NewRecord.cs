namespace Vectra.Journal.Records;

/// <summary>A record to append: everything but <c>meta_seq</c>, which the single writer assigns.</summary>
/// <param name="Event">The Socket.IO event name; system records start with <c>$</c>.</param>
/// <param name="Args">Every argument as a raw JSON array, UTF-8, exactly as received.</param>
/// <param name="Ts">Receive time in microseconds since the Unix epoch, UTC.</param>
/// <param name="Session">The session that writes it.</param>
/// <param name="Conn">Connection number within the session; 0 for system records.</param>
/// <param name="Source">Where the frame came from: <c>live</c>, <c>replay</c>, <c>simulate</c>, <c>import:&lt;format&gt;</c>.</param>
public sealed record NewRecord(string Event, byte[] Args, long Ts, Guid Session, int Conn, string Source)
{
    /// <summary>A record whose arguments are given as text (encoded to UTF-8).</summary>
    public static NewRecord FromText(string eventName, string argsJson, long ts, Guid session, int conn, string source) =>
        new(eventName, System.Text.Encoding.UTF8.GetBytes(argsJson), ts, session, conn, source);

    /// <summary>The committed record this becomes at <paramref name="seq"/>.</summary>
    public JournalRecord At(long seq) => new(seq, Ts, Session, Conn, Source, Event, Args);
}
