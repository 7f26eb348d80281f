namespace Vectra.Journal.Blocks;

/// <summary>
/// One record on its way into a block: every field as its row stored it, with the row's CRC32C. The args may lie in a
/// buffer their reader reuses (<see cref="TailRows"/>): build the block before reading more.
/// </summary>
internal sealed record BlockEntry(long Seq, long Ts, byte[] Session, int Conn, byte[] Source, byte[] Event, ReadOnlyMemory<byte> Args, uint Crc);
