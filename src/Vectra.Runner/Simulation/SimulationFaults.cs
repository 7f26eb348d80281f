namespace Vectra.Runner.Simulation;

/// <summary>Capture faults the simulator can inject, so projections can be tested against the feed's real failure modes.</summary>
/// <param name="DuplicateExtended"><c>dup-extended</c>: every extended emission is received twice.</param>
/// <param name="OutOfOrder"><c>out-of-order</c>: in each game one pair of consecutive active ticks arrives swapped.</param>
/// <param name="MissingRugEmission"><c>missing-rug-emission</c>: every third game's second rug emission (the next cooldown start) is not sent.</param>
/// <param name="GapTicks"><c>gap:K</c>: in each game long enough, K consecutive active ticks are not emitted (0 = off).</param>
/// <param name="MidGame"><c>mid-game</c>: the recording starts in the middle of the first game (connect snapshot with root prices).</param>
/// <param name="Torn"><c>torn</c>: garbage half-lines are interleaved in the output file (file level, not records).</param>
/// <param name="Reconnect"><c>reconnect</c>: 90 s in, the connection drops for 5 s; the lost frames are missing and the reconnect is journaled.</param>
public sealed record SimulationFaults(
    bool DuplicateExtended = false,
    bool OutOfOrder = false,
    bool MissingRugEmission = false,
    int GapTicks = 0,
    bool MidGame = false,
    bool Torn = false,
    bool Reconnect = false)
{
    /// <summary>No faults.</summary>
    public static SimulationFaults None { get; } = new();

    /// <summary>Parses a comma-separated list such as <c>dup-extended,gap:3,torn</c>; throws <see cref="FormatException"/> on unknown names.</summary>
    public static SimulationFaults Parse(string? list)
    {
        var faults = None;
        if (string.IsNullOrWhiteSpace(list))
        {
            return faults;
        }
        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = raw.ToLowerInvariant();
            faults = item switch
            {
                "dup-extended" => faults with { DuplicateExtended = true },
                "out-of-order" => faults with { OutOfOrder = true },
                "missing-rug-emission" => faults with { MissingRugEmission = true },
                "mid-game" => faults with { MidGame = true },
                "torn" => faults with { Torn = true },
                "reconnect" => faults with { Reconnect = true },
                _ when item.StartsWith("gap:", StringComparison.Ordinal) => faults with { GapTicks = ParseGap(item[4..]) },
                _ => throw new FormatException($"unknown fault '{raw}' (known: dup-extended, out-of-order, missing-rug-emission, gap:K, mid-game, torn, reconnect)"),
            };
        }
        return faults;
    }

    private static int ParseGap(string text) =>
        int.TryParse(text, out var k) && k > 0 ? k : throw new FormatException($"gap:K needs a positive K, got '{text}'");
}
