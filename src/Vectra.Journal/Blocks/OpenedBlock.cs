using Vectra.Journal.Reading;

namespace Vectra.Journal.Blocks;

/// <summary>A block as verification meets it: its records, or why it could not be opened.</summary>
internal sealed record OpenedBlock(SealedBlockHeader Header, StoredRow[]? Rows, string? Damage);
