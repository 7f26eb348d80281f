namespace Vectra.Runner.Simulation;

/// <summary>The fixed cast of synthetic players of one simulation, drawn once from the plan's generator.</summary>
internal sealed class PlayerPool
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] Syllables = ["ka", "zu", "mo", "rin", "tek", "sol", "dex", "pu", "lo", "vy", "gar", "nim"];
    private readonly SimulatedPlayer[] _players;

    public PlayerPool(SimRandom random, int count)
    {
        _players = new SimulatedPlayer[count];
        for (var i = 0; i < count; i++)
        {
            var id = "did:privy:cm" + string.Create(23, random, static (span, r) =>
            {
                for (var k = 0; k < span.Length; k++)
                {
                    span[k] = IdAlphabet[r.Next(IdAlphabet.Length)];
                }
            });
            var username = random.Chance(0.1) ? null : Name(random);
            _players[i] = new SimulatedPlayer(id, username, random.Inclusive(1, 80));
        }
    }

    public SimulatedPlayer Pick(SimRandom random) => _players[random.Next(_players.Length)];

    private static string Name(SimRandom random)
    {
        var parts = random.Inclusive(2, 3);
        var name = string.Concat(Enumerable.Range(0, parts).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..] + (random.Chance(0.4) ? random.Inclusive(1, 99).ToString() : "");
    }
}
