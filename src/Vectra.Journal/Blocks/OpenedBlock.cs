using Vectra.Journal.Reading;

namespace Vectra.Journal.Blocks;

/// <summary>A block as verification meets it: its records (built one at a time, walked before the next block), or why it could not be opened.</summary>
internal sealed record OpenedBlock(SealedBlockHeader Header, IEnumerable<StoredRow>? Rows, string? Damage);
