namespace Vectra.Runner.Simulation;

/// <summary>One player's rugpool entries, as listed in <c>rugpool.playerEntries</c>.</summary>
internal sealed record RugpoolEntry(string PlayerId, string Username, int Entries)
{
    public const double SolPerEntry = 0.001;

    public const int MaxEntries = 5000;

    public double Percentage(int total) => total == 0 ? 0 : Entries * 100.0 / total;
}
