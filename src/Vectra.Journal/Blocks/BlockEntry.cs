namespace Vectra.Journal.Blocks;

/// <summary>One record on its way into a block: every field as its row stored it, with the row's CRC32C.</summary>
internal sealed record BlockEntry(long Seq, long Ts, byte[] Session, int Conn, byte[] Source, byte[] Event, byte[] Args, uint Crc);
