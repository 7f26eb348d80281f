namespace Vectra.Projections.Parquet.Writing;

/// <summary>The destination stream and the number of bytes written to it, which gives every page its file offset.</summary>
internal sealed class FileOutput(Stream stream)
{
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }

    public void Flush() => stream.Flush();
}
