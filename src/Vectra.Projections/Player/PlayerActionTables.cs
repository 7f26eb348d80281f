using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>
/// The <c>player_actions</c> tables: the requests (<c>player_actions</c>), the acks (<c>player_acks</c>), the player's
/// own trades (<c>player_fills</c>) and what is known of each authenticated session (<c>player_sessions</c>). A request
/// is matched with whatever of its answer and fill is stored, whichever record came first.
/// </summary>
internal static class PlayerActionTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS player_actions (
            session         TEXT    NOT NULL,
            conn            INTEGER NOT NULL,
            action_key      TEXT    NOT NULL,
            sent_seq        INTEGER NOT NULL,
            sent_ts         INTEGER NOT NULL,
            player_id       TEXT,
            action          TEXT    NOT NULL,
            kind            TEXT,
            ack_id          INTEGER,
            request         TEXT    NOT NULL,
            amount          REAL,
            percentage      REAL,
            game_id         TEXT,
            tick_requested  INTEGER,
            price_requested REAL,
            answer_seq      INTEGER,
            answer_ts       INTEGER,
            answer_event    TEXT,
            accepted        INTEGER,
            reason          TEXT,
            ack_trade_id    TEXT,
            latency_ms      REAL,
            trade_id        TEXT,
            trade_seq       INTEGER,
            tick_filled     INTEGER,
            price_filled    REAL,
            qty             REAL,
            amount_filled   REAL,
            PRIMARY KEY (session, conn, action_key)
        );
        CREATE INDEX IF NOT EXISTS player_actions_by_trade ON player_actions (session, trade_id);
        CREATE INDEX IF NOT EXISTS player_actions_by_game ON player_actions (session, game_id, sent_seq);
        CREATE INDEX IF NOT EXISTS player_actions_by_named_trade ON player_actions (session, ack_trade_id);
        CREATE TABLE IF NOT EXISTS player_acks (
            session  TEXT    NOT NULL,
            conn     INTEGER NOT NULL,
            ack_id   INTEGER NOT NULL,
            meta_seq INTEGER NOT NULL,
            meta_ts  INTEGER NOT NULL,
            success  INTEGER,
            reason   TEXT,
            trade_id TEXT,
            PRIMARY KEY (session, conn, ack_id)
        );
        CREATE TABLE IF NOT EXISTS player_fills (
            session  TEXT    NOT NULL,
            trade_id TEXT    NOT NULL,
            meta_seq INTEGER NOT NULL,
            meta_ts  INTEGER NOT NULL,
            game_id  TEXT,
            type     TEXT,
            tick     INTEGER,
            price    REAL,
            qty      REAL,
            amount   REAL,
            PRIMARY KEY (session, trade_id)
        );
        CREATE INDEX IF NOT EXISTS player_fills_by_game ON player_fills (session, game_id, meta_seq);
        CREATE TABLE IF NOT EXISTS player_left_games (
            session TEXT NOT NULL,
            game_id TEXT NOT NULL,
            PRIMARY KEY (session, game_id)
        );
        CREATE TABLE IF NOT EXISTS player_sessions (
            session   TEXT PRIMARY KEY,
            player_id TEXT,
            game_id   TEXT,
            tick      INTEGER,
            price     REAL
        );
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS player_actions; DROP TABLE IF EXISTS player_acks; DROP TABLE IF EXISTS player_fills; DROP TABLE IF EXISTS player_sessions;
        DROP TABLE IF EXISTS player_left_games;
        """;

    /// <summary>Whether the session's feed already moved on from <paramref name="gameId"/>: a frame of it now is a late copy.</summary>
    public static bool Left(ViewsTransaction views, Guid session, string gameId) =>
        views.Scalar("SELECT 1 FROM player_left_games WHERE session = $s AND game_id = $g", ("$s", session.ToString()), ("$g", gameId)) is not null;

    /// <summary>Notes that the session's feed moved on from <paramref name="gameId"/>.</summary>
    public static void Leave(ViewsTransaction views, Guid session, string gameId) =>
        views.Execute("INSERT OR IGNORE INTO player_left_games (session, game_id) VALUES ($s, $g)", ("$s", session.ToString()), ("$g", gameId));

    public static PlayerSession? LoadSession(ViewsTransaction views, Guid session)
    {
        PlayerSession? state = null;
        views.Query("SELECT player_id, game_id, tick, price FROM player_sessions WHERE session = $s", r => state = new PlayerSession(session)
        {
            PlayerId = r.IsDBNull(0) ? null : r.GetString(0),
            GameId = r.IsDBNull(1) ? null : r.GetString(1),
            Tick = r.IsDBNull(2) ? null : r.GetInt64(2),
            Price = r.IsDBNull(3) ? null : r.GetDouble(3),
        }, ("$s", session.ToString()));
        return state;
    }

    public static void SaveSession(ViewsTransaction views, PlayerSession s) =>
        views.Execute(
            "INSERT OR REPLACE INTO player_sessions (session, player_id, game_id, tick, price) VALUES ($s, $p, $g, $t, $price)",
            ("$s", s.Session.ToString()), ("$p", s.PlayerId), ("$g", s.GameId), ("$t", s.Tick), ("$price", s.Price));

    public static void Sent(ViewsTransaction views, string session, int conn, long seq, long ts, PlayerSession at, SentPacket sent) =>
        views.Execute(
            """
            INSERT OR IGNORE INTO player_actions (session, conn, action_key, sent_seq, sent_ts, player_id, action, kind, ack_id, request, amount, percentage,
                game_id, tick_requested, price_requested)
            VALUES ($s, $c, $key, $seq, $ts, $p, $action, $kind, $ack, $request, $amount, $pct, $g, $tick, $price)
            """,
            ("$s", session), ("$c", conn), ("$key", sent.AckId is { } id ? AckKey(id) : "s" + seq), ("$seq", seq), ("$ts", ts), ("$p", at.PlayerId),
            ("$action", sent.Action), ("$kind", sent.Kind), ("$ack", sent.AckId), ("$request", sent.Request), ("$amount", sent.Amount),
            ("$pct", sent.Percentage), ("$g", at.GameId), ("$tick", at.Tick), ("$price", at.Price));

    public static void Ack(ViewsTransaction views, string session, int conn, long seq, long ts, AckPacket ack) =>
        views.Execute(
            "INSERT OR IGNORE INTO player_acks (session, conn, ack_id, meta_seq, meta_ts, success, reason, trade_id) VALUES ($s, $c, $id, $seq, $ts, $ok, $reason, $trade)",
            ("$s", session), ("$c", conn), ("$id", ack.AckId), ("$seq", seq), ("$ts", ts), ("$ok", ack.Success is { } ok ? (ok ? 1 : 0) : null),
            ("$reason", ack.Reason), ("$trade", ack.TradeId));

    public static void Fill(ViewsTransaction views, string session, long seq, long ts, PlayerFill fill) =>
        views.Execute(
            """
            INSERT OR IGNORE INTO player_fills (session, trade_id, meta_seq, meta_ts, game_id, type, tick, price, qty, amount)
            VALUES ($s, $id, $seq, $ts, $g, $type, $tick, $price, $qty, $amount)
            """,
            ("$s", session), ("$id", fill.TradeId), ("$seq", seq), ("$ts", ts), ("$g", fill.GameId), ("$type", fill.Type), ("$tick", fill.Tick),
            ("$price", fill.Price), ("$qty", fill.Qty), ("$amount", fill.Amount));

    /// <summary>The key of a request that asked for an ack: its ack id, unique on its connection.</summary>
    public static string AckKey(long ackId) => "a" + ackId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The ack of <paramref name="ackId"/> answers the request of that ack id on the same session and connection (it
    /// overrides a response event), and the trade it names fills it. Both the request and the ack are looked up by
    /// key, so the cost does not grow with the session's history.
    /// </summary>
    public static void MatchAck(ViewsTransaction views, string session, int conn, long ackId)
    {
        views.Execute(
            $"""
            UPDATE player_actions SET answer_seq = a.meta_seq, answer_ts = a.meta_ts, answer_event = '{SystemEvents.CdpAck}', accepted = a.success,
                reason = a.reason, ack_trade_id = a.trade_id, latency_ms = (a.meta_ts - player_actions.sent_ts) / 1000.0
            FROM player_acks a
            WHERE player_actions.session = $s AND player_actions.conn = $c AND player_actions.action_key = $key
                AND a.session = $s AND a.conn = $c AND a.ack_id = $id AND player_actions.answer_event IS NOT '{SystemEvents.CdpAck}'
            """,
            ("$s", session), ("$c", conn), ("$key", AckKey(ackId)), ("$id", ackId));
        views.Execute(
            """
            UPDATE player_actions SET trade_id = f.trade_id, trade_seq = f.meta_seq, tick_filled = f.tick, price_filled = f.price, qty = f.qty, amount_filled = f.amount
            FROM player_fills f
            WHERE player_actions.session = $s AND player_actions.conn = $c AND player_actions.action_key = $key
                AND f.session = $s AND f.trade_id = player_actions.ack_trade_id AND player_actions.trade_id IS NOT f.trade_id
            """,
            ("$s", session), ("$c", conn), ("$key", AckKey(ackId)));
    }

    /// <summary>The trade <paramref name="tradeId"/> fills the request whose ack named it.</summary>
    public static void MatchNamedTrade(ViewsTransaction views, string session, string tradeId) =>
        views.Execute(
            """
            UPDATE player_actions SET trade_id = f.trade_id, trade_seq = f.meta_seq, tick_filled = f.tick, price_filled = f.price, qty = f.qty, amount_filled = f.amount
            FROM player_fills f
            WHERE player_actions.session = $s AND player_actions.ack_trade_id = $id AND f.session = $s AND f.trade_id = $id
                AND player_actions.trade_id IS NOT f.trade_id
            """,
            ("$s", session), ("$id", tradeId));

    /// <summary>
    /// The orders the session sent before its feed showed any game belong to <paramref name="gameId"/>, the first one it
    /// shows: they are matched and exported with it, and no trade of a later game can fill them.
    /// </summary>
    public static void AdoptFirstGame(ViewsTransaction views, Guid session, string gameId) =>
        views.Execute("UPDATE player_actions SET game_id = $g WHERE session = $s AND game_id IS NULL", ("$s", session.ToString()), ("$g", gameId));

    /// <summary>The game of the request <paramref name="ackId"/> answers and the game of the trade the ack names, when known.</summary>
    public static List<string> GamesOfAck(ViewsTransaction views, string session, int conn, long ackId)
    {
        var games = new List<string>();
        views.Query(
            """
            SELECT a.game_id FROM player_actions a WHERE a.session = $s AND a.conn = $c AND a.action_key = $key AND a.game_id IS NOT NULL
            UNION
            SELECT f.game_id FROM player_acks k JOIN player_fills f ON f.session = k.session AND f.trade_id = k.trade_id
            WHERE k.session = $s AND k.conn = $c AND k.ack_id = $id AND f.game_id IS NOT NULL
            """,
            r => games.Add(r.GetString(0)),
            ("$s", session), ("$c", conn), ("$key", AckKey(ackId)), ("$id", ackId));
        return games;
    }

    /// <summary>
    /// Without a trade id in the ack, the player's first unclaimed trade of the request's type after it, in the same game,
    /// fills the earliest request still waiting for one; with no answer yet, the trade is the answer. The game's claims
    /// are made again from what is stored each time one of its requests, acks or trades arrives, so an ack that refuses
    /// a request or names the trade, arriving after the trade, moves the trade to the request it belongs to. Only the
    /// game's trades are looked at, so what is scanned stays bounded however long the session runs.
    /// </summary>
    public static void MatchTradesInOrder(ViewsTransaction views, string session, string gameId)
    {
        views.Execute(
            """
            UPDATE player_actions SET trade_id = NULL, trade_seq = NULL, tick_filled = NULL, price_filled = NULL, qty = NULL, amount_filled = NULL,
                answer_seq = CASE WHEN answer_event = 'standard/newTrade' THEN NULL ELSE answer_seq END,
                answer_ts = CASE WHEN answer_event = 'standard/newTrade' THEN NULL ELSE answer_ts END,
                accepted = CASE WHEN answer_event = 'standard/newTrade' THEN NULL ELSE accepted END,
                latency_ms = CASE WHEN answer_event = 'standard/newTrade' THEN NULL ELSE latency_ms END,
                answer_event = CASE WHEN answer_event = 'standard/newTrade' THEN NULL ELSE answer_event END
            WHERE session = $s AND kind IS NOT NULL AND trade_id IS NOT ack_trade_id
                AND trade_id IN (SELECT f.trade_id FROM player_fills f WHERE f.session = $s AND f.game_id = $g)
            """,
            ("$s", session), ("$g", gameId));
        var unclaimed = new List<(string TradeId, long Seq, string? Type)>();
        views.Query(
            """
            SELECT f.trade_id, f.meta_seq, f.type FROM player_fills f
            WHERE f.session = $s AND f.game_id = $g AND NOT EXISTS (SELECT 1 FROM player_actions a WHERE a.session = $s AND a.trade_id = f.trade_id)
            ORDER BY f.meta_seq
            """,
            r => unclaimed.Add((r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2))),
            ("$s", session), ("$g", gameId));
        foreach (var (tradeId, seq, type) in unclaimed)
        {
            views.Execute(
                """
                UPDATE player_actions SET trade_id = f.trade_id, trade_seq = f.meta_seq, tick_filled = f.tick, price_filled = f.price, qty = f.qty,
                    amount_filled = f.amount,
                    answer_event = coalesce(answer_event, 'standard/newTrade'), answer_seq = coalesce(answer_seq, f.meta_seq),
                    answer_ts = coalesce(answer_ts, f.meta_ts), accepted = coalesce(accepted, 1),
                    latency_ms = coalesce(latency_ms, (f.meta_ts - sent_ts) / 1000.0)
                FROM player_fills f
                WHERE f.session = $s AND f.trade_id = $id AND player_actions.rowid = (
                    SELECT a.rowid FROM player_actions a
                    WHERE a.session = $s AND a.game_id = $g AND +a.kind = $type AND +a.trade_id IS NULL
                        AND +a.ack_trade_id IS NULL AND coalesce(a.accepted, 1) = 1 AND a.sent_seq < $seq
                    ORDER BY a.sent_seq LIMIT 1)
                """,
                ("$s", session), ("$id", tradeId), ("$type", type), ("$seq", seq), ("$g", gameId));
        }
    }

    /// <summary>
    /// A <c>currentSidebet</c> answers the earliest sidebet request of its game (<paramref name="gameId"/>, null before
    /// the feed showed any) still without a placement; a request left unanswered in an earlier game is never answered
    /// by a later game's sidebet.
    /// </summary>
    public static void SidebetPlaced(ViewsTransaction views, string session, long seq, long ts, string? gameId, long? tick, double? price) =>
        views.Execute(
            """
            UPDATE player_actions SET answer_seq = coalesce(answer_seq, $seq), answer_ts = coalesce(answer_ts, $ts), answer_event = coalesce(answer_event, 'currentSidebet'),
                accepted = coalesce(accepted, 1), latency_ms = coalesce(latency_ms, ($ts - sent_ts) / 1000.0), tick_filled = $tick, price_filled = $price
            WHERE rowid = (
                SELECT rowid FROM player_actions
                WHERE session = $s AND game_id IS $g AND +kind IS NULL AND action LIKE '%idebet%' AND +tick_filled IS NULL
                    AND coalesce(accepted, 1) = 1 AND sent_seq < $seq
                ORDER BY sent_seq LIMIT 1)
            """,
            ("$seq", seq), ("$ts", ts), ("$g", gameId), ("$tick", tick), ("$price", price), ("$s", session));
}
