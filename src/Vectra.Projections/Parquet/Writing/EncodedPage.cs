namespace Vectra.Projections.Parquet.Writing;

/// <summary>A data page encoded before its row group is flushed: its Thrift header and its (compressed) body, ready to write.</summary>
internal sealed record EncodedPage(byte[] Header, byte[] Body, int UncompressedBodyLength);
