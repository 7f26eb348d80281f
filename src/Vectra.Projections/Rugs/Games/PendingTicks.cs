using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs.Games;

/// <summary>
/// The tick upserts of the records applied since the last write-out, in the order they were applied, written to
/// <c>ticks</c> many rows to a statement: one statement per tick cost more in its call and binding than in SQLite.
/// Anything that reads <c>ticks</c> while records are applied writes them out first (<see cref="RugsBatchState.WriteOut"/>).
/// </summary>
internal sealed class PendingTicks
{
    private const int Columns = 6;
    private const int RowsPerStatement = 32;
    private const string Head = "INSERT INTO ticks (game_id, tick, price, meta_seq, meta_ts, backfilled) VALUES ";

    /// <summary>Live beats backfilled; among equals the stored one has the lower seq (records arrive in seq order).</summary>
    private const string Upsert = """
         ON CONFLICT (game_id, tick) DO UPDATE SET price = excluded.price, meta_seq = excluded.meta_seq, meta_ts = excluded.meta_ts, backfilled = excluded.backfilled
        WHERE excluded.backfilled < ticks.backfilled
        """;

    private readonly PendingInserts<Tick> _ticks = new(Head, Upsert, Columns, RowsPerStatement, first => RowValues.Parameters(first, Columns), Bind);

    public int Count => _ticks.Count;

    public void Add(string gameId, int tick, double price, long seq, long ts, bool backfilled) =>
        _ticks.Add(new Tick(gameId, tick, price, seq, ts, backfilled));

    /// <summary>Writes every pending tick, in order, and forgets them.</summary>
    public void WriteOut(ViewsTransaction views) => _ticks.WriteOut(views);

    public void Clear() => _ticks.Clear();

    private static void Bind(BoundRows rows, int row, Tick tick)
    {
        rows.Text(row, 0, tick.GameId);
        rows.Integer(row, 1, tick.Number);
        rows.Real(row, 2, tick.Price);
        rows.Integer(row, 3, tick.Seq);
        rows.Integer(row, 4, tick.Ts);
        rows.Integer(row, 5, tick.Backfilled ? 1 : 0);
    }

    private readonly record struct Tick(string GameId, int Number, double Price, long Seq, long Ts, bool Backfilled);
}
