using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Writing;

/// <summary>
/// The bytes of one encoded column chunk, in order: copies of short-lived spans (page headers, pages in reused buffers)
/// and arrays handed over whole (Snappy's output is a new array per page), which are kept as they are instead of being
/// copied once more before the chunk goes to the file.
/// </summary>
internal sealed class EncodedChunk : IDisposable
{
    private readonly ByteBuffer _copied = new(64 * 1024);
    // A segment with no array is a range of _copied; ranges are kept as offsets because _copied moves when it grows.
    private readonly List<(byte[]? Array, int Offset, int Length)> _segments = [];

    /// <summary>Bytes in the chunk so far: the offset, from the chunk's start, of the next byte appended.</summary>
    public long Length { get; private set; }

    public void Clear()
    {
        _copied.Clear();
        _segments.Clear();
        Length = 0;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_segments.Count > 0 && _segments[^1] is (null, var offset, var length))
        {
            _segments[^1] = (null, offset, length + bytes.Length);
        }
        else
        {
            _segments.Add((null, _copied.Length, bytes.Length));
        }
        _copied.Write(bytes);
        Length += bytes.Length;
    }

    /// <summary>Appends an array that no one else writes to any more; it is kept, not copied.</summary>
    public void AppendOwned(byte[] bytes)
    {
        _segments.Add((bytes, 0, bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Writes the chunk, then empties it so the kept arrays can be collected before the next row group.</summary>
    public void WriteTo(FileOutput output)
    {
        foreach (var (array, offset, length) in _segments)
        {
            output.Write(array is null ? _copied.WrittenSpan.Slice(offset, length) : array.AsSpan(offset, length));
        }
        Clear();
    }

    public void Dispose() => _copied.Dispose();
}
