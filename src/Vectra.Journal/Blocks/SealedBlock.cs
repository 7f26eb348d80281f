namespace Vectra.Journal.Blocks;

/// <summary>
/// One row of <c>journal_blocks</c>: a contiguous run of records, compressed, with what a reader needs
/// to find it (seq and ts range, whether it holds system records) and to trust it (CRC32C of the data).
/// <see cref="Data"/> lies in the <see cref="BlockCodec"/>'s buffer that compressed it: store the block before that codec
/// compresses another.
/// </summary>
internal sealed record SealedBlock(
    long FirstSeq,
    long LastSeq,
    int Records,
    long MinTs,
    long MaxTs,
    int SystemRecords,
    long ArgsBytes,
    int Codec,
    int Level,
    int RawBytes,
    uint Checksum,
    ReadOnlyMemory<byte> Data)
{
    /// <summary>The columns of <c>journal_blocks</c> in this type's order.</summary>
    public const string Columns = "first_seq, last_seq, records, min_ts, max_ts, system_records, args_bytes, codec, level, raw_bytes, checksum, data";
}
