namespace Vectra.Journal.Tests.Blocks;

/// <summary>
/// Tests that look at every sealing thread of this process run alone, after the parallel ones, so no other test's
/// writer (or a sealing thread a closed writer left to finish its block) is counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "alone in the process";
}
