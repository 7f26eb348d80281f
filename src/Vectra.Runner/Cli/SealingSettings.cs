namespace Vectra.Runner.Cli;

/// <summary>
/// When a writing command (capture, import, replay, journal import) seals old records into compressed
/// blocks: the <c>Journal:Sealing</c> section of appsettings.json, overridden by
/// <c>VECTRA__JOURNAL__SEALING__…</c> environment variables, overridden by the command line.
/// </summary>
public sealed class SealingSettings
{
    /// <summary>Whether the writer seals at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Records the uncompressed tail may hold before sealing starts.</summary>
    public int MaxTailRecords { get; set; } = 4096;

    /// <summary>Megabytes of args the uncompressed tail may hold before sealing starts.</summary>
    public double MaxTailMegabytes { get; set; } = 16;

    /// <summary>Records per block.</summary>
    public int BlockRecords { get; set; } = Vectra.Journal.Blocks.SealPolicy.Default.BlockRecords;

    /// <summary>While appends pile up behind the writer (a full-speed capture), seconds between the blocks it still seals; 0: sealing never gives way.</summary>
    public double BacklogSealSeconds { get; set; } = Vectra.Journal.Blocks.SealPolicy.Default.BacklogSealInterval.TotalSeconds;

    /// <summary>zstd level of the blocks.</summary>
    public int Level { get; set; } = 1;
}
