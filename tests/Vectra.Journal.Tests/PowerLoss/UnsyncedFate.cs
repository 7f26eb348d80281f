namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>What a power cut does to a file's writes after its last fsync; chosen at random per file and cut.</summary>
internal enum UnsyncedFate
{
    /// <summary>None of them reached the disk.</summary>
    Dropped,

    /// <summary>The first few reached the disk in order, the next one torn at a random byte.</summary>
    TornPrefix,

    /// <summary>Any of them, each independently: the disk reordered them.</summary>
    Scattered,
}
