namespace Vectra.Journal.Blocks;

/// <summary>What a reader needs from a block's row before it opens the data.</summary>
internal readonly record struct SealedBlockHeader(long FirstSeq, long LastSeq, int Records, int Codec, int RawBytes, uint Checksum);
