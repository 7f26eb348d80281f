using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs.Trades;

/// <summary>
/// The trade inserts of the records applied since the last write-out, in the order they were applied, written to
/// <c>trades</c> many rows to a statement (rowids, and so the table, come out as with one statement per trade). A
/// trade is forced by <see cref="ForcedSell"/> with its game's rug tick as known when its record was applied.
/// Anything that reads <c>trades</c> while records are applied writes them out first (<see cref="RugsBatchState.WriteOut"/>).
/// </summary>
internal sealed class PendingTrades
{
    private const int Columns = 13;
    private const int RowsPerStatement = 16;
    /// <summary>
    /// OR IGNORE, not ON CONFLICT (id) DO NOTHING: SQLite runs a multi-row upsert clause slower than one statement per
    /// row; the only constraint a trade row can fail is the unique id (the NOT NULL columns are always bound), so both
    /// ignore the same rows: a repeated trade id.
    /// </summary>
    private const string Head = "INSERT OR IGNORE INTO trades (id, game_id, player_id, username, type, amount, price, qty, tick, leverage, forced, meta_seq, meta_ts) VALUES ";

    private readonly PendingInserts<Trade> _trades = new(Head, "", Columns, RowsPerStatement, Row, Bind);

    public void Add(TradeRow trade, int? rugTick, long seq, long ts) => _trades.Add(new Trade(trade, rugTick, seq, ts));

    /// <summary>Writes every pending trade, in order, and forgets them.</summary>
    public void WriteOut(ViewsTransaction views) => _trades.WriteOut(views);

    public void Clear() => _trades.Clear();

    /// <summary>One row's values from parameter <paramref name="first"/> on: the ten trade fields, the rug tick (read by the forced rule only, in place of <c>forced</c>), seq and ts.</summary>
    private static string Row(int first) =>
        $"{RowValues.Parameters(first, 10)}, {ForcedSell.Sql($"?{first + 4}", $"?{first + 8}", $"?{first + 10}")}, ?{first + 11}, ?{first + 12}";

    private static void Bind(BoundRows rows, int row, Trade pending)
    {
        var trade = pending.Row;
        rows.Text(row, 0, trade.Id);
        rows.Text(row, 1, trade.GameId);
        rows.Text(row, 2, trade.PlayerId);
        rows.Text(row, 3, trade.Username);
        rows.Text(row, 4, trade.Type);
        rows.Real(row, 5, trade.Amount);
        rows.Real(row, 6, trade.Price);
        rows.Real(row, 7, trade.Qty);
        rows.Integer(row, 8, trade.Tick);
        rows.Integer(row, 9, trade.Leverage);
        rows.Integer(row, 10, pending.RugTick);
        rows.Integer(row, 11, pending.Seq);
        rows.Integer(row, 12, pending.Ts);
    }

    private readonly record struct Trade(TradeRow Row, int? RugTick, long Seq, long Ts);
}
