namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>A file's bytes rebuilt in memory by applying writes and truncations in order.</summary>
internal sealed class FileImage
{
    private byte[] _bytes;
    private int _length;

    public FileImage(ReadOnlySpan<byte> start)
    {
        _bytes = start.ToArray();
        _length = start.Length;
    }

    public void Apply(FileOperation change)
    {
        if (change.Kind == FileOperationKind.Truncate)
        {
            SetLength((int)change.Offset);
        }
        else if (change.Length > 0)
        {
            var end = (int)(change.Offset + change.Length);
            if (end > _length)
            {
                SetLength(end);
            }
            change.Data.Span.CopyTo(_bytes.AsSpan((int)change.Offset));
        }
    }

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Grows with zeros (a hole reads as zeros) or cuts, as ftruncate does.</summary>
    private void SetLength(int length)
    {
        if (length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(length, _bytes.Length * 2));
        }
        if (length > _length)
        {
            _bytes.AsSpan(_length, length - _length).Clear();
        }
        _length = length;
    }
}
