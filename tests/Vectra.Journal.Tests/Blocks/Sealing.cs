using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>Small seal policies and a wait for the sealer, shared by the block tests.</summary>
internal static class Sealing
{
    /// <summary>
    /// Seals once the tail passes <paramref name="tail"/> records, in blocks of <paramref name="block"/> (also while behind: no
    /// catch-up blocks), and never gives way to a busy writer, so tests appending as fast as they can still seal.
    /// </summary>
    public static SealPolicy Every(int tail, int block) =>
        new() { MaxTailRecords = tail, BlockRecords = block, CatchUpBlockRecords = block, BacklogSealInterval = TimeSpan.Zero };

    /// <summary>How the journal's records are split between blocks and rows right now.</summary>
    public static StorageFigures FiguresOf(string folder)
    {
        using var reader = JournalReader.Open(folder);
        return reader.Figures();
    }

    /// <summary>Waits (at most 60 s) until at least <paramref name="records"/> records sit in blocks; returns the figures then.</summary>
    public static async Task<StorageFigures> UntilSealedAsync(string folder, long records)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var figures = FiguresOf(folder);
        while (figures.BlockRecords < records && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            figures = FiguresOf(folder);
        }
        return figures;
    }
}
