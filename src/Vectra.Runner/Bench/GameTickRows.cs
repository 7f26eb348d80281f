using System.Globalization;
using System.Text;

namespace Vectra.Runner.Bench;

/// <summary>
/// N deterministic <c>game_tick</c>-like rows (the export's schema): games of 200–700 ticks, a seeded random-walk
/// price, 2 % backfilled, seq +1 and meta_ts +250 ms per row. Held column-wise in memory so writing is all that is timed.
/// </summary>
internal sealed class GameTickRows
{
    private static readonly long Start = new DateTimeOffset(2025, 12, 12, 22, 16, 58, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    public GameTickRows(int count, int seed = 7)
    {
        var random = new Random(seed);
        GameIds = new string[count];
        Ticks = new int[count];
        Prices = new double[count];
        Backfilled = new bool[count];
        Seqs = new long[count];
        Timestamps = new long[count];
        var game = 0;
        var tick = 0;
        var length = 0;
        var price = 1.0;
        string id = "";
        for (var i = 0; i < count; i++)
        {
            if (tick == length)
            {
                (game, tick, length, price) = (game + 1, 0, random.Next(200, 701), 1.0);
                id = string.Create(CultureInfo.InvariantCulture, $"20251212-{game:x16}");
            }
            GameIds[i] = id;
            Ticks[i] = tick++;
            price *= 1 + ((random.NextDouble() - 0.49) * 0.05);
            Prices[i] = price;
            Backfilled[i] = random.NextDouble() < 0.02;
            Seqs[i] = i + 1L;
            Timestamps[i] = Start + (i * 250_000L);
        }
    }

    public string[] GameIds { get; }

    public int[] Ticks { get; }

    public double[] Prices { get; }

    public bool[] Backfilled { get; }

    public long[] Seqs { get; }

    /// <summary>meta_ts in microseconds since the Unix epoch.</summary>
    public long[] Timestamps { get; }

    public int Count => Ticks.Length;

    /// <summary>The rows as CSV for DuckDB to load (meta_ts in µs; cast back by <see cref="DuckDbColumns"/>).</summary>
    public void WriteCsv(string path)
    {
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        output.Write("game_id,tick,price,backfilled,meta_seq,meta_ts\n");
        for (var i = 0; i < Count; i++)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{GameIds[i]},{Ticks[i]},{Prices[i]:R},{(Backfilled[i] ? "true" : "false")},{Seqs[i]},{Timestamps[i]}\n"));
        }
    }

    /// <summary>The select list that gives DuckDB's table the same column types as our file.</summary>
    public const string DuckDbColumns = "game_id::VARCHAR AS game_id, tick::INTEGER AS tick, price::DOUBLE AS price, backfilled::BOOLEAN AS backfilled, meta_seq::BIGINT AS meta_seq, make_timestamp(meta_ts::BIGINT) AS meta_ts";
}
