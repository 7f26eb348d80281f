namespace Vectra.Runner.Simulation;

/// <summary>
/// What to simulate: how many games, from which seed, starting when (virtual time), with which faults, and optionally
/// the id of one authenticated player whose own side of the feed the session also carries (<c>--player ID</c>).
/// </summary>
public sealed record SimulationOptions(int Games, ulong Seed, DateTimeOffset Start, SimulationFaults Faults, string? Player = null)
{
    /// <summary>The start used when none is given: 2025-12-12T22:16:58Z.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2025, 12, 12, 22, 16, 58, TimeSpan.Zero);

    /// <summary>Options with no faults, starting at <see cref="DefaultStart"/>.</summary>
    public static SimulationOptions Of(int games, ulong seed) => new(games, seed, DefaultStart, SimulationFaults.None);

    /// <summary>Parses the <c>--faults</c> list (see <see cref="SimulationFaults.Parse"/>).</summary>
    public static SimulationFaults ParseFaults(string? list) => SimulationFaults.Parse(list);
}
