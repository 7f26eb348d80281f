namespace Vectra.Runner.Bench;

/// <summary>The times of one <c>vectra bench nats</c> run, all over the same frames.</summary>
internal sealed record NatsBenchResult(int Frames, long ArgsBytes, TimeSpan LocalJournal, TimeSpan PublishOne, TimeSpan PublishTwo, TimeSpan Mirror, int Displaced)
{
    public double Rate(TimeSpan elapsed, int copies = 1) => copies * Frames / elapsed.TotalSeconds;

    public double MegabytesPerSecond(TimeSpan elapsed, int copies = 1) => copies * ArgsBytes / 1e6 / elapsed.TotalSeconds;
}
