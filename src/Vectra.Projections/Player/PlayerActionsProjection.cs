using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Json;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>
/// <c>player_actions</c>: every order and sidebet request the authenticated player sent (<c>$cdp.sent</c>, both shapes)
/// with the game, tick and price the feed showed when it was sent; matched with its answer (the <c>$cdp.ack</c> of
/// the same ack id on the same session and connection, else the response event: the player's own trade or
/// <c>currentSidebet</c>) for accepted/rejected, the reason and the round-trip latency; and with the player's own
/// <c>standard/newTrade</c> for the tick, price and quantity filled.
/// </summary>
/// <remarks>
/// A session becomes a player session with its first player record (<c>playerUpdate</c>, <c>gameStatePlayerUpdate</c>,
/// <c>usernameStatus</c>, <c>$cdp.*</c>); only then are its <c>gameStateUpdate</c> and <c>standard/newTrade</c>
/// read, so a public capture costs this projection a dictionary lookup per record. Matching is done in views.db
/// whichever of request, answer and trade comes first, so duplicates and reordering change nothing; a packet
/// without the fields it needs is quarantined.
/// </remarks>
public sealed class PlayerActionsProjection : IEffectsProjection<bool, PlayerActionEffects>
{
    private readonly Dictionary<Guid, PlayerSession?> _sessions = [];

    /// <inheritdoc/>
    public string Name => "player_actions";

    /// <inheritdoc/>
    public int Version => 2;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views) => views.Execute(PlayerActionTables.Create);

    /// <inheritdoc/>
    public void Drop(ViewsTransaction views)
    {
        views.Execute(PlayerActionTables.Drop);
        Forget();
    }

    /// <inheritdoc/>
    public bool Prepare(JournalRecord record) => false;

    /// <inheritdoc/>
    public PlayerActionEffects Apply(JournalRecord record, bool prepared, ViewsTransaction views)
    {
        if (record.Event == "gameStateUpdate")
        {
            return Known(views, record.Session) is { } watched ? SawGameState(views, watched, record) : default;
        }
        if (record.Event is SystemEvents.SessionStop or SystemEvents.Import)
        {
            return Known(views, record.Session) is { } ending ? SessionEnded(views, ending) : default;
        }
        Apply(record, views);
        return default;
    }

    private void Apply(JournalRecord record, ViewsTransaction views)
    {
        switch (record.Event)
        {
            case "standard/newTrade":
                if (Known(views, record.Session) is { PlayerId: { } playerId } trading)
                {
                    Trade(views, record, trading, playerId);
                }
                return;
            case "currentSidebet":
                if (Known(views, record.Session) is { } betting)
                {
                    SidebetPlaced(views, record, betting);
                }
                return;
            case SystemEvents.CdpSent:
                Sent(views, record);
                return;
            case SystemEvents.CdpAck:
                var ack = AckPacket.Read(record);
                Player(views, record.Session);
                var session = record.Session.ToString();
                PlayerActionTables.Ack(views, session, record.Conn, record.Seq, record.Ts, ack);
                PlayerActionTables.MatchAck(views, session, record.Conn, ack.AckId);
                foreach (var gameId in PlayerActionTables.GamesOfAck(views, session, record.Conn, ack.AckId))
                {
                    PlayerActionTables.MatchTradesInOrder(views, session, gameId);
                }
                return;
            case "playerUpdate" or "usernameStatus":
                LearnPlayer(views, record, static root => PlayerPayload.Text(root, "id"));
                return;
            case "gameStatePlayerUpdate":
                LearnPlayer(views, record, static root => PlayerPayload.Member(root, "leaderboardEntry") is { } entry ? PlayerPayload.Text(entry, "id") : null);
                return;
        }
    }

    private void Sent(ViewsTransaction views, JournalRecord record)
    {
        var at = Player(views, record.Session);
        if (SentPacket.Read(record) is not { } sent)
        {
            return;
        }
        var session = record.Session.ToString();
        PlayerActionTables.Sent(views, session, record.Conn, record.Seq, record.Ts, at, sent);
        if (sent.AckId is { } ackId)
        {
            PlayerActionTables.MatchAck(views, session, record.Conn, ackId);
        }
        if (at.GameId is { } gameId)
        {
            PlayerActionTables.MatchTradesInOrder(views, session, gameId);
        }
    }

    private static void Trade(ViewsTransaction views, JournalRecord record, PlayerSession at, string playerId)
    {
        using var payload = PlayerPayload.Object(record);
        if (payload is null || PlayerFill.Read(payload.RootElement, playerId) is not { } fill)
        {
            return; // Someone else's trade, or one the rugs projection judges; not the player's to match.
        }
        var session = record.Session.ToString();
        PlayerActionTables.Fill(views, session, record.Seq, record.Ts, fill);
        PlayerActionTables.MatchNamedTrade(views, session, fill.TradeId);
        if ((fill.GameId ?? at.GameId) is { } gameId)
        {
            PlayerActionTables.MatchTradesInOrder(views, session, gameId);
        }
    }

    private static void SidebetPlaced(ViewsTransaction views, JournalRecord record, PlayerSession at)
    {
        using var payload = PlayerPayload.Object(record);
        if (payload is null)
        {
            return;
        }
        var root = payload.RootElement;
        var tick = PlayerPayload.Integer(root, "startTick") ?? PlayerPayload.Integer(root, "tickIndex");
        // Before the feed showed a game, the requests have none yet (they take the first game's later).
        var gameId = at.GameId is null ? null : PlayerPayload.Text(root, "gameId") ?? at.GameId;
        PlayerActionTables.SidebetPlaced(views, record.Session.ToString(), record.Seq, record.Ts, gameId, tick, PlayerPayload.Number(root, "price"));
    }

    private void LearnPlayer(ViewsTransaction views, JournalRecord record, Func<JsonElement, string?> idOf)
    {
        var session = Player(views, record.Session);
        using var payload = PlayerPayload.Object(record);
        if (payload is not null && idOf(payload.RootElement) is { } id && id != session.PlayerId)
        {
            session.PlayerId = id;
            session.Dirty = true;
        }
    }

    private static PlayerActionEffects SawGameState(ViewsTransaction views, PlayerSession session, JournalRecord record)
    {
        // Taken once: each read of ArgsSpan checks whether a streamed record's block buffer is still lent.
        var args = record.ArgsSpan;
        var payload = LastArgument.Of(args);
        if (!payload.IsObject)
        {
            return default;
        }
        string? gameId = null;
        long? tick = null;
        double? price = null;
        var members = new ObjectMembers(args, payload.Range);
        while (members.MoveNext())
        {
            var value = args[members.Value];
            if (members.Name.SequenceEqual("gameId"u8))
            {
                gameId = JsonScalar.Text(value);
            }
            else if (members.Name.SequenceEqual("tickCount"u8))
            {
                tick = JsonScalar.Int(value);
            }
            else if (members.Name.SequenceEqual("price"u8))
            {
                price = JsonScalar.Double(value) is { } p && double.IsFinite(p) ? p : null;
            }
        }
        if (gameId is null || gameId == session.GameId)
        {
            session.Saw(gameId, tick, price);
            return default;
        }
        if (PlayerActionTables.Left(views, session.Session, gameId))
        {
            return default; // A late copy of a game the feed already left (a duplicated extended emission): the feed is not going back.
        }
        if (session.GameId is not { } previous)
        {
            PlayerActionTables.AdoptFirstGame(views, session.Session, gameId);
            PlayerActionTables.MatchTradesInOrder(views, session.Session.ToString(), gameId);
            session.Saw(gameId, tick, price);
            return default;
        }
        PlayerActionTables.Leave(views, session.Session, previous);
        session.Saw(gameId, tick, price);
        return new PlayerActionEffects(session.Session, previous);
    }

    /// <summary>
    /// The session's records end (a capture's <c>$session.stop</c>, an imported file's <c>$import</c>): no answer or fill
    /// of its current game can follow, so that game is settled as if the feed had moved on, and the feed position is
    /// cleared (a next imported file starts from no game).
    /// </summary>
    private static PlayerActionEffects SessionEnded(ViewsTransaction views, PlayerSession session)
    {
        if (session.GameId is not { } current)
        {
            return default;
        }
        (session.GameId, session.Tick, session.Price, session.Dirty) = (null, null, null, true);
        if (PlayerActionTables.Left(views, session.Session, current))
        {
            return default;
        }
        PlayerActionTables.Leave(views, session.Session, current);
        return new PlayerActionEffects(session.Session, current);
    }

    /// <summary>The session's player state, or null when no player record of it was seen.</summary>
    private PlayerSession? Known(ViewsTransaction views, Guid session)
    {
        if (!_sessions.TryGetValue(session, out var state))
        {
            state = PlayerActionTables.LoadSession(views, session);
            _sessions[session] = state;
        }
        return state;
    }

    /// <summary>The session's player state, made a player session when it was not one.</summary>
    private PlayerSession Player(ViewsTransaction views, Guid session)
    {
        if (Known(views, session) is { } known)
        {
            return known;
        }
        var state = new PlayerSession(session) { Dirty = true };
        _sessions[session] = state;
        return state;
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
        foreach (var session in _sessions.Values)
        {
            if (session is { Dirty: true })
            {
                PlayerActionTables.SaveSession(views, session);
                session.Dirty = false;
            }
        }
    }

    /// <inheritdoc/>
    public void Forget() => _sessions.Clear();
}
