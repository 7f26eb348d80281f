using Vectra.Projections.Parquet.Thrift;

namespace Vectra.Projections.Parquet.Writing;

internal static class ColumnChunkExtensions
{
    /// <summary>The chunk's metadata once its bytes, encoded with offsets from 0, are written at <paramref name="fileOffset"/>.</summary>
    public static ColumnChunk MovedTo(this ColumnChunk chunk, long fileOffset) => new(
        chunk.FileOffset + fileOffset,
        chunk.MetaData with
        {
            DataPageOffset = chunk.MetaData.DataPageOffset + fileOffset,
            DictionaryPageOffset = chunk.MetaData.DictionaryPageOffset + fileOffset,
        });
}
