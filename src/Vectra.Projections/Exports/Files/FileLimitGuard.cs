namespace Vectra.Projections.Exports.Files;

/// <summary>
/// The stream <see cref="DurableFile"/> hands out. On Unix .NET reports EFBIG (the file size limit, <c>ulimit -f</c>,
/// or a file system's largest file) as an <see cref="ArgumentOutOfRangeException"/>, which reads like a bug; here it
/// becomes the <see cref="IOException"/> it is, with errno 27 as its HResult, beside ENOSPC's 28.
/// </summary>
internal sealed class FileLimitGuard(FileStream file) : Stream
{
    private const int FileTooLarge = 27;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            file.Write(buffer);
        }
        catch (ArgumentOutOfRangeException tooLarge)
        {
            throw Translate(tooLarge);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await file.WriteAsync(buffer, cancellationToken);
        }
        catch (ArgumentOutOfRangeException tooLarge)
        {
            throw Translate(tooLarge);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => FlushToDisk(false);

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <summary>Writes what is buffered, and with <paramref name="toDisk"/> fsyncs it.</summary>
    public void FlushToDisk(bool toDisk)
    {
        try
        {
            file.Flush(toDisk);
        }
        catch (ArgumentOutOfRangeException tooLarge)
        {
            throw Translate(tooLarge);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                // Closing flushes what is still buffered, which can hit the limit too.
                file.Dispose();
            }
            catch (ArgumentOutOfRangeException tooLarge)
            {
                throw Translate(tooLarge);
            }
        }
        base.Dispose(disposing);
    }

    private IOException Translate(ArgumentOutOfRangeException tooLarge) =>
        new($"{file.Name}: the file cannot grow (EFBIG: a file size limit, or the file system's largest file).", tooLarge) { HResult = FileTooLarge };
}
